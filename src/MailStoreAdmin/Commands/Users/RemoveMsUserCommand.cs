using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Deletes MailStore users; their archive folders and archived messages stay.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsUserCommand : MsUserCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.RemoveUserAsync(connection, Name, context, token));
    }
}
