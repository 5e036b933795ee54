using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;

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
            if (task.IsCompleted)
            {
                WriteVerbose($"{task} has already ended.");
                if (PassThru) WriteObject(task);
                return;
            }
            if (!ShouldProcess($"{task.Function} ({task.Target ?? task.Token}) on {task.Connection}", "Cancel")) return;
            Run(async (context, token) =>
            {
                await task.Connection.RequestCancelAsync(task, context, token).ConfigureAwait(false);
                if (PassThru) context.WriteObject(task);
            });
        }
    }
}
