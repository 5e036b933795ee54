using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Closes a dbmail-api connection (by default the session's default one).</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "DbMailApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectDbMailApiCommand : DisconnectCommandBase<DbMailApiConnection>
    {
        private protected override ScopedConnections<DbMailApiConnection> Connections => ModuleState.DbMailApi;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-DbMailApi", "dbmail-api");
    }
}
