using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Replaces, adds or removes privileges of MailStore users (SetUserPrivileges).</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsUserPrivilege", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ReplaceSet)]
    [OutputType(typeof(MsUser))]
    public sealed class SetMsUserPrivilegeCommand : MsUserCmdlet
    {
        private const string ReplaceSet = "Replace";
        private const string ChangeSet = "Change";

        /// <summary><para type="description">The privileges the user ends up with (None and Admin stand alone).</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReplaceSet)]
        [ListSplit]
        public MsUserPrivilege[] Privilege { get; set; } = System.Array.Empty<MsUserPrivilege>();

        /// <summary><para type="description">Privileges to add to the current ones.</para></summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ListSplit]
        public MsUserPrivilege[]? Add { get; set; }

        /// <summary><para type="description">Privileges to take away from the current ones.</para></summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ListSplit]
        public MsUserPrivilege[]? Remove { get; set; }

        /// <summary><para type="description">Writes the user as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.SetPrivilegeAsync(connection, Name,
                ParameterSetName == ReplaceSet ? Privilege : null, Add, Remove, PassThru, context, token));
    }
}
