using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Gets the archive stores.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsStore", DefaultParameterSetName = "Name")]
    [OutputType(typeof(MsStore))]
    public sealed class GetMsStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = "Name")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MailStoreAdmin.Completion.MsStoreNameCompleter))]
        public string? Name { get; set; }

        /// <summary><para type="description">Store ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MailStoreAdmin.Completion.MsStoreIdCompleter))]
        public int[]? Id { get; set; }

        /// <summary><para type="description">Also counts messages and bytes per store (slow on large archives).</para></summary>
        [Parameter]
        public SwitchParameter IncludeSize { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsStoreOperations.FindStoresAsync(connection, Name, Id, IncludeSize, context, token));
    }
}
