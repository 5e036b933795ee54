using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Revokes a user's access to archive folders; without -Folder, to all folders (ClearUserPrivilegesOnFolders).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsFolderPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsFolderPermissionChange))]
    public sealed class RemoveMsFolderPermissionCommand : MsCmdlet
    {
        /// <summary><para type="description">The user whose access is revoked.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MsUserNameCompleter))]
        public string UserName { get; set; } = string.Empty;

        /// <summary><para type="description">Only these folders (wildcards allowed); without it, all.</para></summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string? Folder { get; set; }

        /// <summary><para type="description">Writes a change record for each folder whose access was revoked.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderPermissionOperations.RemovePermissionAsync(connection, UserName, Folder, PassThru, context, token));
    }
}
