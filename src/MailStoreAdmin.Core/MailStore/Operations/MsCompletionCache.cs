using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// What Tab completes (user names, folder paths, store ids and names), read from a connection and kept briefly,
    /// so pressing Tab twice does not list every user twice. Entries expire after <see cref="Lifetime"/>; a change
    /// made through the module (new, renamed or removed user, moved folder) drops them at once.
    /// </summary>
    public static class MsCompletionCache
    {
        private static readonly ConditionalWeakTable<MsConnection, Entries> Caches = new ConditionalWeakTable<MsConnection, Entries>();

        /// <summary>How long a list is reused.</summary>
        public static TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);

        public static void Invalidate(MsConnection connection)
        {
            if (Caches.TryGetValue(connection, out var entries)) entries.Clear();
        }

        /// <summary>User names (GetUsers) starting with <paramref name="prefix"/> (any case), in server order.</summary>
        public static async Task<IReadOnlyList<string>> CompleteUserNamesAsync(MsConnection connection, string prefix, CancellationToken cancellationToken)
        {
            var names = await Get(connection).GetAsync("users", async token =>
            {
                var list = new List<string>();
                await MsUserOperations.ListUsersAsync(connection, null, u => list.Add(u.UserName ?? string.Empty), OperationContext.None, token)
                    .ConfigureAwait(false);
                return list;
            }, cancellationToken).ConfigureAwait(false);
            return names.Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        /// <summary>
        /// Folder paths for a partly typed path: the children (one level, GetChildFolders) of the folder before the
        /// last '/', starting with what follows it.
        /// </summary>
        public static async Task<IReadOnlyList<string>> CompleteFolderPathsAsync(MsConnection connection, string typed, CancellationToken cancellationToken)
        {
            var slash = typed.LastIndexOf('/');
            var parent = slash < 0 ? string.Empty : typed.Substring(0, slash);
            var paths = await Get(connection).GetAsync("folders:" + parent.ToLowerInvariant(), async token =>
            {
                var list = new List<string>();
                await MsFolderOperations.ListFoldersAsync(connection, parent.Length == 0 ? null : parent, 1,
                    f => list.Add(f.Path), OperationContext.None, token).ConfigureAwait(false);
                return list;
            }, cancellationToken).ConfigureAwait(false);
            return paths.Where(p => p.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        /// <summary>Stores (GetStores) as (id, name), for ids or names that start with what is typed.</summary>
        public static async Task<IReadOnlyList<(int Id, string Name)>> CompleteStoresAsync(MsConnection connection, string typed, CancellationToken cancellationToken)
        {
            var stores = await Get(connection).GetAsync("stores", async token =>
            {
                var list = new List<(int Id, string Name)>();
                await MsStoreOperations.ListStoresAsync(connection, false, s => list.Add((s.Id, s.Name ?? string.Empty)), OperationContext.None, token)
                    .ConfigureAwait(false);
                return list;
            }, cancellationToken).ConfigureAwait(false);
            return stores.Where(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith(typed, StringComparison.Ordinal)
                || s.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        private static Entries Get(MsConnection connection) => Caches.GetValue(connection, _ => new Entries());

        private sealed class Entries
        {
            private readonly Dictionary<string, (DateTime Until, Task<object> Load)> _lists =
                new Dictionary<string, (DateTime, Task<object>)>(StringComparer.Ordinal);

            public void Clear()
            {
                lock (_lists) _lists.Clear();
            }

            public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
                where T : class
            {
                Task<object> task;
                lock (_lists)
                {
                    if (!_lists.TryGetValue(key, out var entry) || entry.Until < DateTime.UtcNow || entry.Load.IsFaulted || entry.Load.IsCanceled)
                    {
                        // One load serves every Tab pressed meanwhile; it is not tied to one caller's cancellation.
                        entry = (DateTime.UtcNow + Lifetime, Box(load(CancellationToken.None)));
                        _lists[key] = entry;
                    }
                    task = entry.Load;
                }
                var finished = await Task.WhenAny(task, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                if (finished != task) throw new OperationCanceledException(cancellationToken);
                return (T)await task.ConfigureAwait(false);
            }

            private static async Task<object> Box<T>(Task<T> load) where T : class => await load.ConfigureAwait(false);
        }
    }
}
