using MailStoreAdmin.Core.Operations;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Integration.Hosting;

namespace MailStoreAdmin.Commands.Integration
{
    /// <summary><para type="synopsis">Stops integration servers started with Start-MsIntegrationServer -PassThru (all of them by default).</para></summary>
    [Cmdlet(VerbsLifecycle.Stop, "MsIntegrationServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopMsIntegrationServerCommand : MailStoreAdminCmdlet
    {
        /// <summary><para type="description">The servers to stop; every running one when omitted.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public MsIntegrationServer[]? Server { get; set; }

        protected override void ProcessRecord()
        {
            var servers = Server;
            Run((context, token) => IntegrationServerOperations.StopAsync(servers, context));
        }
    }
}
