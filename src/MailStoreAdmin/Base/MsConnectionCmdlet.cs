using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Sessions;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Base of MailStore cmdlets that work on the connection as a whole, not inside an SPE instance: the SPE management
    /// functions (instances, hosts, system administrators) and the catalogue. Instance-level cmdlets use
    /// <see cref="MsCmdlet"/>.
    /// </summary>
    public abstract class MsConnectionCmdlet : ConnectedCmdlet<MsConnection>
    {
        private protected override ScopedConnections<MsConnection> Connections => ModuleState.MailStore;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-MsServer", "MailStore");
    }
}
