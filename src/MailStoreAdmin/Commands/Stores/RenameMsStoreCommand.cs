using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Renames an archive store (RenameStore).</para></summary>
    [Cmdlet(VerbsCommon.Rename, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsStore))]
    public sealed class RenameMsStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">The new name; no other store may have it.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string? NewName { get; set; }

        /// <summary><para type="description">Writes the renamed store.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsStoreChangeOperations.RenameStoreAsync(connection, Id, NewName!, PassThru, context, token));
    }
}
