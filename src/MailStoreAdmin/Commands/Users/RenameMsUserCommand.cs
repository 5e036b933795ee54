using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Renames a MailStore user (RenameUser); the archive folder keeps its name.</para></summary>
    [Cmdlet(VerbsCommon.Rename, "MsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsUser))]
    public sealed class RenameMsUserCommand : MsUserCmdlet
    {
        /// <summary><para type="description">The new user name; must not exist yet.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = string.Empty;

        /// <summary><para type="description">Writes the renamed user.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.RenameUserAsync(connection, Name, NewName, PassThru, context, token));
    }
}
