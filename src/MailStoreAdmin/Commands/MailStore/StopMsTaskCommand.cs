using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Asks the server to cancel a running task (cancel-async).</para></summary>
    [Cmdlet(VerbsLifecycle.Stop, "MsTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTask))]
    public sealed class StopMsTaskCommand : MailStoreAdminCmdlet
    {
        /// <summary><para type="description">The task handle (from -NoWait).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public MsTask? Task { get; set; }

        /// <summary><para type="description">Writes the task after the request, for Wait-MsTask.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var task = Task!;
            Run((context, token) => MsTaskOperations.StopAsync(task, PassThru, context, token));
        }
    }
}
