using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Gets archive folders (GetChildFolders) as objects with their full path.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsFolder", DefaultParameterSetName = DepthSet)]
    [OutputType(typeof(MsFolder))]
    public sealed class GetMsFolderCommand : MsCmdlet
    {
        private const string DepthSet = "Depth";
        private const string RecurseSet = "Recurse";

        /// <summary><para type="description">The folder whose child folders are listed; without it, the user archives (top level).</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Folder")]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string? Path { get; set; }

        /// <summary><para type="description">Lists all levels below the folder.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = RecurseSet)]
        public SwitchParameter Recurse { get; set; }

        /// <summary><para type="description">How many levels below the folder are listed (1: the children only).</para></summary>
        [Parameter(ParameterSetName = DepthSet)]
        [ValidateRange(1, 100)]
        public int Depth { get; set; } = 1;

        /// <summary><para type="description">Writes only folders whose path matches this wildcard pattern.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string? Filter { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderOperations.GetFoldersAsync(connection, Path, Recurse ? (int?)null : Depth, Filter, context, token));
    }
}
