using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>Base of every MailStore API cmdlet.</summary>
    public abstract class MsCmdlet : ConnectedCmdlet<MsConnection>
    {
        private protected override ScopedConnections<MsConnection> Connections => ModuleState.MailStore;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-MsServer", "MailStore");
    }
}
