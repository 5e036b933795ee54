using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>The integration servers running in this process (a listening port belongs to the process, not a runspace).</summary>
    public static class IntegrationServerRegistry
    {
        private static readonly ConcurrentDictionary<int, MsIntegrationServer> Running = new ConcurrentDictionary<int, MsIntegrationServer>();

        public static void Add(MsIntegrationServer server) => Running[server.Id] = server;

        public static void Remove(MsIntegrationServer server) => Running.TryRemove(server.Id, out _);

        public static IReadOnlyList<MsIntegrationServer> All => Running.Values.OrderBy(s => s.Id).ToList();

        /// <summary>Called when the module is removed: no listener outlives it.</summary>
        public static void StopAll()
        {
            foreach (var server in All)
            {
                server.Dispose();
                Remove(server);
            }
        }
    }
}
