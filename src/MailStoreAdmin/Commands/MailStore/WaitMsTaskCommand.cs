using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Waits for a task started with -NoWait, showing its progress, and writes how it ended.</para></summary>
    [Cmdlet(VerbsLifecycle.Wait, "MsTask")]
    [OutputType(typeof(MsTaskResult))]
    public sealed class WaitMsTaskCommand : MailStoreAdminCmdlet
    {
        /// <summary><para type="description">The task handle (from -NoWait).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public MsTask? Task { get; set; }

        protected override void ProcessRecord()
        {
            var task = Task!;
            Run((context, token) => MsTaskOperations.WaitAsync(task, context, token));
        }
    }
}
