using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Closes a MailStore connection (by default the session's default one).</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "MsServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectMsServerCommand : DisconnectCommandBase<MsConnection>
    {
        private protected override ScopedConnections<MsConnection> Connections => ModuleState.MailStore;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-MsServer", "MailStore");
    }
}
