using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Closes a dbmail-api connection (by default the session's default one).</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DbMailApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDbMailApiCommand : DisconnectCommandBase<DbMailConnection>
    {
        private protected override ScopedConnections<DbMailConnection> Connections => ModuleState.DbMail;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-DbMailApi", "dbmail-api");
    }
}
