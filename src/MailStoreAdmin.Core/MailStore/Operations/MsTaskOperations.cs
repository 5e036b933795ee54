using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// The one task loop of the module: every long-running function (verify, compact, backup, sync, ...) runs through
    /// <see cref="RunAsync"/>: ShouldProcess, invoke, progress from each status, log lines, Ctrl+C that cancels the
    /// server task (also while the first invoke is still in flight), a failed task as an error, and -NoWait.
    /// </summary>
    public static class MsTaskOperations
    {
        public static async Task RunAsync(MsConnection connection, MsTaskRequest request, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            // Checked before the question: -WhatIf must not promise a call the metadata already refuses.
            connection.Check(request.Function, request.Arguments);
            if (request.Change is { } change && !context.ShouldProcess(change.What, change.Action)) return;
            var items = new List<object?>();
            void OnItem(JsonElement item)
            {
                if (request.ReadItem != null) context.WriteObject(request.ReadItem(item));
                else lock (items) items.Add(JsonPlain.ToPlain(item));
            }

            var task = await connection.StartAsync(request.Function, request.Arguments, OnItem, context, cancellationToken, request.Target)
                .ConfigureAwait(false);
            if (noWait)
            {
                context.WriteObject(task);
                return;
            }
            var result = await connection.WaitAsync(task, OnItem, context, cancellationToken).ConfigureAwait(false);
            if (request.ReadItem == null) context.WriteObject(MsTaskResult.From(result, items.ToArray()));
        }

        /// <summary>Follows a task started with -NoWait to its end and writes how it ended (Wait-MsTask).</summary>
        public static async Task WaitAsync(MsTask task, OperationContext context, CancellationToken cancellationToken)
        {
            var items = new List<object?>();
            var result = await task.Connection.WaitAsync(task, item =>
            {
                lock (items) items.Add(JsonPlain.ToPlain(item));
            }, context, cancellationToken).ConfigureAwait(false);
            context.WriteObject(MsTaskResult.From(result, items.ToArray()));
        }

        /// <summary>Asks the server to cancel a task started with -NoWait (Stop-MsTask).</summary>
        public static async Task StopAsync(MsTask task, bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            if (task.IsCompleted)
            {
                context.Log(LogLevel.Verbose, $"{task} has already ended.");
            }
            else
            {
                if (!context.ShouldProcess($"{task.Function} ({task.Target ?? task.Token}) on {task.Connection}", "Cancel")) return;
                await task.Connection.RequestCancelAsync(task, context, cancellationToken).ConfigureAwait(false);
            }
            if (passThru) context.WriteObject(task);
        }
    }
}
