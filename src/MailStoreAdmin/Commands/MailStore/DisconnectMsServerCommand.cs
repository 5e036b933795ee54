using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Closes a MailStore connection (by default the session's default one).</para></summary>
    [Cmdlet(VerbsCommunications.Disconnect, "MsServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectMsServerCommand : MailStoreAdminCmdlet
    {
        /// <summary><para type="description">The connection to close; the default connection when omitted.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public MsConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var connection = Connection ?? ModuleState.MailStore.GetDefault(ModuleState.Scope);
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected("Connect-MsServer", "MailStore"));
                return;
            }
            if (!ShouldProcess(connection.ToString(), "Disconnect")) return;
            ModuleState.MailStore.Remove(ModuleState.Scope, connection);
            connection.Dispose();
            WriteVerbose($"Closed connection {connection.Id} to {connection.Uri}.");
        }
    }
}
