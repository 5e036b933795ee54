using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Any API function by name, and the list of functions.</summary>
    public static class MsApiOperations
    {
        /// <summary>
        /// Invoke-MsApi: result items are written as they arrive (as <see cref="PlainObject"/>s). A function that may
        /// change the server is confirmed first (-WhatIf/-Confirm), after its arguments have been checked against the
        /// metadata, so -WhatIf never sends it. With <paramref name="noWait"/>, a function still running after its
        /// first answer is written as an <see cref="MsTask"/>.
        /// </summary>
        public static async Task InvokeAsync(MsConnection connection, string function, IEnumerable<KeyValuePair<string, object?>>? arguments,
            bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            var definition = connection.GetFunction(function);
            connection.Encode(definition, arguments);
            if (!MsApiFunction.IsReadOnlyName(definition.Name) && !context.ShouldProcess(connection.ToString(), $"Invoke {definition.Name}")) return;
            void Emit(System.Text.Json.JsonElement item) => context.WriteObject(JsonPlain.ToPlain(item));
            if (!noWait)
            {
                await connection.InvokeAsync(definition.Name, arguments, Emit, context, cancellationToken).ConfigureAwait(false);
                return;
            }
            var task = await connection.StartAsync(definition.Name, arguments, Emit, context, cancellationToken).ConfigureAwait(false);
            if (!task.IsCompleted) context.WriteObject(task);
        }

        /// <summary>Get-MsApiFunction: functions by name or wildcard from the connection's metadata (all without names).</summary>
        public static Task GetFunctionsAsync(MsConnection connection, IEnumerable<string>? names, OperationContext context)
        {
            connection.Metadata.Find(names, context.WriteObject, context.WriteError);
            return Task.CompletedTask;
        }
    }
}
