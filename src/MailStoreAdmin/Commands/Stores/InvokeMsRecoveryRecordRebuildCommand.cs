using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Recreates the recovery records of an archive store (RecreateRecoveryRecords) as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsRecoveryRecordRebuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsRecoveryRecordRebuildCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.RecreateRecoveryRecordsAsync(connection, Id, NoWait, context, token));
    }
}
