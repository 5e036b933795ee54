using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Gets the full-text search indexes of archive stores (GetStoreIndexes).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsStoreIndex")]
    [OutputType(typeof(MsStoreIndex))]
    public sealed class GetMsStoreIndexCommand : MsCmdlet
    {
        /// <summary><para type="description">Store ids (all stores when omitted); binds from the Id of Get-MsStore output.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public int[]? StoreId { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsStoreIndexOperations.GetIndexesAsync(connection, StoreId, context, token));
    }
}
