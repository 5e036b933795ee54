using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Gets who may access which archive folder: one object per user and folder with access.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsFolderPermission")]
    [OutputType(typeof(MsFolderPermission))]
    public sealed class GetMsFolderPermissionCommand : MsCmdlet
    {
        /// <summary><para type="description">User name; wildcards filter the user list, a plain name is looked up directly.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Name")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MsUserNameCompleter))]
        public string? UserName { get; set; }

        /// <summary><para type="description">Folder; wildcards allowed.</para></summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(MsFolderPathCompleter))]
        public string? Folder { get; set; }


        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderPermissionOperations.GetPermissionsAsync(connection, UserName, Folder, CallLimit(8), context, token));
    }
}
