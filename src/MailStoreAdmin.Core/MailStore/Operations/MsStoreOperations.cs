using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Archive stores.</summary>
    public static class MsStoreOperations
    {
        /// <summary>Every store (GetStores), handed over as the server streams them.</summary>
        public static Task ListStoresAsync(MsConnection connection, bool includeSize, Action<MsStore> onStore,
            OperationContext context, CancellationToken cancellationToken)
        {
            // Only sent when asked: includeSize makes the server walk every store.
            var arguments = includeSize ? MsUserOperations.Args("includeSize", true) : null;
            return connection.InvokeAsync("GetStores", arguments, item =>
            {
                var store = MsJson.Read(item, MsJsonContext.Default.MsStore);
                store.ComputerName = connection.ComputerName;
                onStore(store);
            }, context, cancellationToken);
        }

        /// <summary>
        /// Get-MsStore: the stores matching a name pattern and/or ids; an id or exact name that matches nothing is an
        /// error record.
        /// </summary>
        public static async Task FindStoresAsync(MsConnection connection, string? name, IReadOnlyCollection<int>? ids,
            bool includeSize, OperationContext context, CancellationToken cancellationToken)
        {
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            var found = new HashSet<int>();
            await ListStoresAsync(connection, includeSize, store =>
            {
                if (filter != null && !filter.IsMatch(store.Name)) return;
                if (ids != null && !ids.Contains(store.Id)) return;
                found.Add(store.Id);
                context.WriteObject(store);
            }, context, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids ?? Array.Empty<int>())
            {
                if (!found.Contains(id)) context.WriteError(NotFound($"There is no store with id {id} on {connection.ComputerName}.", id));
            }
            if (filter != null && !filter.IsPattern && found.Count == 0)
            {
                context.WriteError(NotFound($"There is no store named '{filter.Literal}' on {connection.ComputerName}.", filter.Literal));
            }
        }

        /// <summary>Every store, as a list (for checks that need them all: existence, names in use).</summary>
        internal static async Task<List<MsStore>> ReadStoresAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var stores = new List<MsStore>();
            await ListStoresAsync(connection, false, stores.Add, context, cancellationToken).ConfigureAwait(false);
            return stores;
        }

        /// <summary>One store by id; a missing one is a MailStoreStoreNotFound error (before any change is sent).</summary>
        public static async Task<MsStore> GetStoreAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var stores = await ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            return Find(stores, id, connection);
        }

        internal static MsStore Find(IEnumerable<MsStore> stores, int id, MsConnection connection) =>
            stores.FirstOrDefault(s => s.Id == id) ?? throw NotFound($"There is no store with id {id} on {connection.ComputerName}. Get-MsStore lists the stores.", id);

        /// <summary>How a store is named in -WhatIf/-Confirm text and messages.</summary>
        internal static string Describe(MsStore store, MsConnection connection) => $"store {store.Id} '{store.Name}' on {connection}";

        public static MailStoreAdminException NotFound(string message, object target) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreStoreNotFound", message, target);

        /// <summary>Invoke-MsVerifyStore: VerifyStore as a task (progress, Ctrl+C cancels it, -NoWait).</summary>
        public static Task VerifyStoreAsync(MsConnection connection, int id, bool includeIndexes, bool noWait,
            OperationContext context, CancellationToken cancellationToken)
        {
            var arguments = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("id", id),
                new KeyValuePair<string, object?>("includeIndexes", includeIndexes),
            };
            var request = new MsTaskRequest("VerifyStore", arguments, id) { Change = ("Verify", $"store {id} on {connection}") };
            return MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken);
        }
    }
}
