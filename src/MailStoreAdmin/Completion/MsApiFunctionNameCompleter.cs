using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Completion
{
    /// <summary>Completes API function names from the connection's cached metadata; never touches the network.</summary>
    public sealed class MsApiFunctionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var connection = Unwrap(fakeBoundParameters["Connection"]) ?? ModuleState.MailStore.GetDefault(ModuleState.Scope);
                if (connection == null || connection.IsClosed) return Enumerable.Empty<CompletionResult>();
                var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
                return connection.Metadata.Functions
                    .Where(f => f.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(f => new CompletionResult(f.Name, f.Name, CompletionResultType.ParameterValue, f.Signature))
                    .ToArray();
            }
            catch (Exception)
            {
                // A completer must never throw into the user's typing.
                return Enumerable.Empty<CompletionResult>();
            }
        }

        private static MsConnection? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject as MsConnection : value as MsConnection;
    }
}
