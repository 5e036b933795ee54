using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Deletes archive folders that hold no messages and no folders (DeleteEmptyFolders, long-running).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsEmptyFolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class RemoveMsEmptyFolderCommand : MsCmdlet
    {
        /// <summary><para type="description">Only below this folder; without it, the whole archive.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Folder")]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string? Path { get; set; }

        /// <summary><para type="description">Returns the running task at once (Wait-MsTask, Stop-MsTask).</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderOperations.RemoveEmptyFoldersAsync(connection, Path, NoWait, context, token));
    }
}
