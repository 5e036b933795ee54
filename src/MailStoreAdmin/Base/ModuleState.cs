using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MailStoreAdmin.Core.DbMailApi;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>Connections per runspace: each runspace (thread job, -Parallel) has its own default.</summary>
    internal static class ModuleState
    {
        public static ScopedConnections<MsConnection> MailStore { get; } = new ScopedConnections<MsConnection>();

        public static ScopedConnections<DbMailApiConnection> DbMailApi { get; } = new ScopedConnections<DbMailApiConnection>();

        /// <summary>
        /// The current runspace; a module-wide key when there is none. Only meaningful on the pipeline thread.
        /// </summary>
        public static object Scope => (object?)Runspace.DefaultRunspace ?? typeof(ModuleState);
    }
}
