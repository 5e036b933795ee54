using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Gives users exactly the given access to user archive folders (SetUserPrivilegesOnFolder); None revokes.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsFolderPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsFolderPermissionChange))]
    public sealed class SetMsFolderPermissionCommand : MsCmdlet
    {
        /// <summary><para type="description">The users who get the access.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MsUserNameCompleter))]
        public string[] UserName { get; set; } = System.Array.Empty<string>();

        /// <summary><para type="description">The user archives (top-level folders) the access is to.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string[] Folder { get; set; } = System.Array.Empty<string>();

        /// <summary><para type="description">None, Read, Write, Delete, or a combination such as Read,Write.</para></summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        public MsFolderAccess Access { get; set; }

        /// <summary><para type="description">Writes a change record for each user and folder that changed.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }


        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderPermissionOperations.SetPermissionAsync(connection, UserName, Folder, Access, PassThru,
                CallLimit(8), context, token));
    }
}
