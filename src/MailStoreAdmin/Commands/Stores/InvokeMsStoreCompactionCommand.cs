using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Compacts an archive store (CompactStore) as a server task, with a progress bar; Ctrl+C cancels the task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsStoreCompaction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsStoreCompactionCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.CompactStoreAsync(connection, Id, NoWait, context, token));
    }
}
