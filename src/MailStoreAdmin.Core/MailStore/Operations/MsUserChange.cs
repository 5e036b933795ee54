using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// The calls that change one user (CreateUser, then SetUserEmailAddresses, ...), each named after the property it
    /// sets. <see cref="ApplyAsync"/> asks ShouldProcess once for all of them and sends them in order; when a call
    /// after the first fails, the error says which properties were set and which were not, because the earlier calls
    /// cannot be taken back.
    /// </summary>
    internal sealed class MsUserChange
    {
        private readonly List<(string Property, string Function, KeyValuePair<string, object?>[] Arguments)> _calls =
            new List<(string, string, KeyValuePair<string, object?>[])>();

        public MsUserChange(string userName) => UserName = userName;

        public string UserName { get; }
        public int Count => _calls.Count;
        public IEnumerable<string> Properties => _calls.Select(c => c.Property);

        /// <summary>Adds a call; userName is filled in.</summary>
        public MsUserChange Add(string property, string function, params (string Name, object? Value)[] arguments)
        {
            var all = new[] { new KeyValuePair<string, object?>("userName", UserName) }
                .Concat(arguments.Select(a => new KeyValuePair<string, object?>(a.Name, a.Value))).ToArray();
            _calls.Add((property, function, all));
            return this;
        }

        /// <summary>Adds a call with its own arguments (CreateUser, RenameUser).</summary>
        public MsUserChange AddRaw(string property, string function, params (string Name, object? Value)[] arguments)
        {
            _calls.Add((property, function, arguments.Select(a => new KeyValuePair<string, object?>(a.Name, a.Value)).ToArray()));
            return this;
        }

        /// <summary>
        /// Sends the calls after one ShouldProcess(<paramref name="action"/>, target); false when declined or empty.
        /// <paramref name="what"/> describes the change and never holds a secret.
        /// </summary>
        public async Task<bool> ApplyAsync(MsConnection connection, string action, string what, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (_calls.Count == 0)
            {
                context.Log(LogLevel.Verbose, $"User '{UserName}': nothing to change.");
                return false;
            }
            if (!context.ShouldProcess(what, action)) return false;
            for (int i = 0; i < _calls.Count; i++)
            {
                var call = _calls[i];
                try
                {
                    await connection.InvokeAsync(call.Function, call.Arguments, null, context, cancellationToken, UserName).ConfigureAwait(false);
                }
                catch (MailStoreAdminException e) when (i > 0)
                {
                    var done = string.Join(", ", _calls.Take(i).Select(c => c.Property));
                    var notDone = string.Join(", ", _calls.Skip(i).Select(c => c.Property));
                    throw new MailStoreAdminException(e.Kind, "MailStoreUserPartiallyChanged",
                        $"User '{UserName}': {done} done, but setting {call.Property} failed, so {notDone} not set: {e.Message}",
                        UserName, e, $"Fix the cause and set {notDone} again (Set-MsUser); {done} already took effect.");
                }
            }
            MsCompletionCache.Invalidate(connection);
            return true;
        }
    }
}
