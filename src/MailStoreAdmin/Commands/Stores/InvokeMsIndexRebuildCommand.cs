using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>
    /// <para type="synopsis">Rebuilds search indexes: one folder's, every index of a store, or every index of every store, as server tasks.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsIndexRebuild", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = StoreSet)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsIndexRebuildCommand : MsTaskCmdlet
    {
        private const string StoreSet = "Store";
        private const string AllSet = "All";

        /// <summary><para type="description">The store whose indexes are rebuilt; binds from Get-MsStore and Get-MsStoreIndex output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = StoreSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public int StoreId { get; set; }

        /// <summary><para type="description">The archive folder whose index is rebuilt (all of the store's when omitted); binds from Get-MsStoreIndex output.</para></summary>
        [Parameter(Position = 1, ParameterSetName = StoreSet, ValueFromPipelineByPropertyName = true)]
        public string? Folder { get; set; }

        /// <summary><para type="description">Selects every index of every store and rebuilds them (SelectAllStoreIndexesForRebuild, RebuildSelectedStoreIndexes).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => All
                ? MsStoreIndexOperations.RebuildAllIndexesAsync(connection, NoWait, context, token)
                : MsStoreIndexOperations.RebuildStoreIndexesAsync(connection, StoreId, Folder, NoWait, context, token));
    }
}
