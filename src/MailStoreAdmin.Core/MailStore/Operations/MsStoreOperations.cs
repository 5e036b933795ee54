using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Stores and server information.</summary>
    public static class MsStoreOperations
    {
        public static Task GetStoresAsync(MsConnection connection, bool includeSize, Action<MsStore> onStore,
            CallObserver? observer, CancellationToken cancellationToken)
        {
            // Only sent when asked: includeSize makes the server walk every store.
            var arguments = includeSize ? MsUserOperations.Args("includeSize", true) : null;
            return connection.InvokeAsync("GetStores", arguments, item =>
            {
                var store = MsJson.Read(item, MsJsonContext.Default.MsStore);
                store.ComputerName = connection.ComputerName;
                onStore(store);
            }, observer, cancellationToken);
        }

        /// <summary>
        /// The stores matching a name pattern and/or ids; an id or exact name that matches nothing is reported to
        /// <paramref name="onError"/> as not found.
        /// </summary>
        public static async Task FindStoresAsync(MsConnection connection, Pipeline.Wildcard? name, IReadOnlyCollection<int>? ids,
            bool includeSize, Action<MsStore> onStore, Action<Errors.MailStoreAdminException> onError, CallObserver? observer,
            CancellationToken cancellationToken)
        {
            var found = new HashSet<int>();
            await GetStoresAsync(connection, includeSize, store =>
            {
                if (name != null && !name.IsMatch(store.Name)) return;
                if (ids != null && !System.Linq.Enumerable.Contains(ids, store.Id)) return;
                found.Add(store.Id);
                onStore(store);
            }, observer, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids ?? Array.Empty<int>())
            {
                if (!found.Contains(id)) onError(NotFound($"There is no store with id {id} on {connection.ComputerName}.", id));
            }
            if (name != null && !name.IsPattern && found.Count == 0)
            {
                onError(NotFound($"There is no store named '{name.Literal}' on {connection.ComputerName}.", name.Literal));
            }
        }

        private static Errors.MailStoreAdminException NotFound(string message, object target) =>
            new Errors.MailStoreAdminException(Errors.ErrorKind.ObjectNotFound, "MailStoreStoreNotFound", message, target);

        /// <summary>VerifyStore as a task; the caller waits (with progress) or keeps the handle (-NoWait).</summary>
        public static Task<MsTask> StartVerifyStoreAsync(MsConnection connection, int id, bool includeIndexes,
            CallObserver? observer, CancellationToken cancellationToken)
        {
            var arguments = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("id", id),
                new KeyValuePair<string, object?>("includeIndexes", includeIndexes),
            };
            return connection.StartAsync("VerifyStore", arguments, null, observer, cancellationToken, id);
        }

        public static async Task<MsServerInfo> GetServerInfoAsync(MsConnection connection, CallObserver? observer,
            CancellationToken cancellationToken)
        {
            var info = new MsServerInfo();
            await connection.InvokeAsync("GetServerInfo", null, item => info = MsJson.Read(item, MsJsonContext.Default.MsServerInfo),
                observer, cancellationToken).ConfigureAwait(false);
            info.ComputerName = connection.ComputerName;
            return info;
        }
    }
}
