using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Repairs the database of an archive store (RepairStoreDatabase) as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsStoreDatabaseRepair", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsStoreDatabaseRepairCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.RepairStoreDatabaseAsync(connection, Id, NoWait, context, token));
    }
}
