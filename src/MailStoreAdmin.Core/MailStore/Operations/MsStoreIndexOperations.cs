using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using static MailStoreAdmin.Core.MailStore.Operations.MsStoreChangeOperations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>The full-text search indexes of the archive stores.</summary>
    public static class MsStoreIndexOperations
    {
        /// <summary>
        /// Get-MsStoreIndex: the indexes of the given stores (all stores when none), asked store by store so each
        /// index carries its store id. An id that is not a store is an error record; the others go on.
        /// </summary>
        public static async Task GetIndexesAsync(MsConnection connection, IReadOnlyCollection<int>? storeIds, OperationContext context,
            CancellationToken cancellationToken)
        {
            var stores = await MsStoreOperations.ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            foreach (var id in storeIds ?? stores.Select(s => s.Id).ToArray())
            {
                if (stores.All(s => s.Id != id))
                {
                    context.WriteError(MsStoreOperations.NotFound($"There is no store with id {id} on {connection.ComputerName}.", id));
                    continue;
                }
                foreach (var index in await ReadIndexesAsync(connection, id, context, cancellationToken).ConfigureAwait(false)) context.WriteObject(index);
            }
        }

        private static async Task<List<MsStoreIndex>> ReadIndexesAsync(MsConnection connection, int storeId, OperationContext context,
            CancellationToken cancellationToken)
        {
            var indexes = new List<MsStoreIndex>();
            await connection.InvokeAsync("GetStoreIndexes", new[] { Arg("id", storeId) }, item =>
            {
                var index = MsJson.Read(item, MsJsonContext.Default.MsStoreIndex);
                // The request names the store; the item may not.
                index.StoreId = storeId;
                index.ComputerName = connection.ComputerName;
                indexes.Add(index);
            }, context, cancellationToken, storeId).ConfigureAwait(false);
            return indexes;
        }

        /// <summary>
        /// Invoke-MsIndexRebuild -StoreId [-Folder]: one folder's index, or every index of the store (one question for
        /// all of them), each rebuilt as a task.
        /// </summary>
        public static async Task RebuildStoreIndexesAsync(MsConnection connection, int storeId, string? folder, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            var store = await MsStoreOperations.GetStoreAsync(connection, storeId, context, cancellationToken).ConfigureAwait(false);
            var folders = folder != null
                ? new List<string> { folder }
                : (await ReadIndexesAsync(connection, storeId, context, cancellationToken).ConfigureAwait(false)).Select(i => i.Folder).OfType<string>().ToList();
            if (folders.Count == 0)
            {
                context.Log(LogLevel.Warning, $"{MsStoreOperations.Describe(store, connection)} has no search index to rebuild.");
                return;
            }
            var what = folder != null ? $"search index of folder '{folder}' in " : $"{folders.Count} search index(es) of ";
            if (!context.ShouldProcess(what + MsStoreOperations.Describe(store, connection), "Rebuild")) return;
            foreach (var name in folders)
            {
                var request = new MsTaskRequest("RebuildStoreIndex", new[] { Arg("id", storeId), Arg("folder", name) }, $"{storeId}/{name}");
                await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Invoke-MsIndexRebuild -All: selects every index, then rebuilds the selection (two tasks, one question).</summary>
        public static async Task RebuildAllIndexesAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            if (!context.ShouldProcess($"every search index of every store on {connection}", "Rebuild")) return;
            await MsTaskOperations.RunAsync(connection, new MsTaskRequest("SelectAllStoreIndexesForRebuild", null, "all stores"), false, context,
                cancellationToken).ConfigureAwait(false);
            await MsTaskOperations.RunAsync(connection, new MsTaskRequest("RebuildSelectedStoreIndexes", null, "all stores"), noWait, context,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
