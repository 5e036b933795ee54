using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;

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
            Run(async (context, token) =>
            {
                var items = new List<object>();
                var result = await task.Connection.WaitAsync(task,
                    item => items.Add(PowerShellValues.ToPowerShell(JsonPlain.ToPlain(item))!), context, token).ConfigureAwait(false);
                context.WriteObject(MsTaskResult.From(result, items.ToArray()));
            });
        }
    }
}
