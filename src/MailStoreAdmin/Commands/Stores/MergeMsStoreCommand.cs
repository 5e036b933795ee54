using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Merges one archive store into another (MergeStore) as a server task; the source store goes away.</para></summary>
    [Cmdlet(VerbsData.Merge, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class MergeMsStoreCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">The store that receives the messages; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">The store whose messages move; it is removed afterwards.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public int SourceId { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.MergeStoreAsync(connection, Id, SourceId, NoWait, context, token));
    }
}
