using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Moves or renames an archive folder (MoveFolder, long-running: progress, Ctrl+C cancels).</para></summary>
    [Cmdlet(VerbsCommon.Move, "MsFolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class MoveMsFolderCommand : MsCmdlet
    {
        /// <summary><para type="description">The folder to move; must exist.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Folder")]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string Path { get; set; } = string.Empty;

        /// <summary><para type="description">The folder's new full path.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string Destination { get; set; } = string.Empty;

        /// <summary><para type="description">Returns the running task at once (Wait-MsTask, Stop-MsTask).</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderOperations.MoveFolderAsync(connection, Path, Destination, NoWait, context, token));
    }
}
