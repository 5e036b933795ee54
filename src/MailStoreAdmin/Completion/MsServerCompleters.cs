using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Completion
{
    /// <summary>
    /// Shared plumbing of the completers that ask the server (through the core's brief cache): the connection
    /// (-Connection or the default), a time limit so Tab never hangs, quoting, and no exceptions into the typing.
    /// </summary>
    public abstract class MsServerCompleter : IArgumentCompleter
    {
        /// <summary>How long Tab may wait for the server.</summary>
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var value = fakeBoundParameters["Connection"];
                var connection = (value is PSObject ps ? ps.BaseObject : value) as MsConnection ?? ModuleState.MailStore.GetDefault(ModuleState.Scope);
                if (connection == null || connection.IsClosed) return Enumerable.Empty<CompletionResult>();
                var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
                using var timeout = new CancellationTokenSource(Limit);
                return Task.Run(() => CompleteAsync(connection, typed, timeout.Token)).GetAwaiter().GetResult()
                    .Select(c => new CompletionResult(Quote(c.Text), c.Text, CompletionResultType.ParameterValue, c.Tip))
                    .ToArray();
            }
            catch (Exception)
            {
                // A completer must never throw into the user's typing (also: server down, timeout).
                return Enumerable.Empty<CompletionResult>();
            }
        }

        protected abstract Task<IEnumerable<(string Text, string Tip)>> CompleteAsync(MsConnection connection, string typed, CancellationToken cancellationToken);

        private static string Quote(string text) =>
            text.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '@', '#', '|', '<', '>' }) >= 0
                ? "'" + text.Replace("'", "''") + "'"
                : text;
    }

    /// <summary>Completes MailStore user names.</summary>
    public sealed class MsUserNameCompleter : MsServerCompleter
    {
        protected override async Task<IEnumerable<(string Text, string Tip)>> CompleteAsync(MsConnection connection, string typed, CancellationToken cancellationToken) =>
            (await MsCompletionCache.CompleteUserNamesAsync(connection, typed, cancellationToken).ConfigureAwait(false)).Select(n => (n, "User " + n));
    }

    /// <summary>Completes archive folder paths level by level (type '/' to go one level down).</summary>
    public sealed class MsFolderPathCompleter : MsServerCompleter
    {
        protected override async Task<IEnumerable<(string Text, string Tip)>> CompleteAsync(MsConnection connection, string typed, CancellationToken cancellationToken) =>
            (await MsCompletionCache.CompleteFolderPathsAsync(connection, typed, cancellationToken).ConfigureAwait(false)).Select(p => (p, "Folder " + p));
    }

    /// <summary>Completes store ids (with the name as tooltip).</summary>
    public sealed class MsStoreIdCompleter : MsServerCompleter
    {
        protected override async Task<IEnumerable<(string Text, string Tip)>> CompleteAsync(MsConnection connection, string typed, CancellationToken cancellationToken) =>
            (await MsCompletionCache.CompleteStoresAsync(connection, typed, cancellationToken).ConfigureAwait(false))
                .Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{s.Id}: {s.Name}"));
    }

    /// <summary>Completes store names.</summary>
    public sealed class MsStoreNameCompleter : MsServerCompleter
    {
        protected override async Task<IEnumerable<(string Text, string Tip)>> CompleteAsync(MsConnection connection, string typed, CancellationToken cancellationToken) =>
            (await MsCompletionCache.CompleteStoresAsync(connection, typed, cancellationToken).ConfigureAwait(false))
                .Where(s => s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(s => (s.Name, $"{s.Id}: {s.Name}"));
    }
}
