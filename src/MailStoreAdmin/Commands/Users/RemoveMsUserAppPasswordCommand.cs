using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Deletes all app passwords of users (DeleteAppPasswords).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsUserAppPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsUserAppPasswordCommand : MsUserCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.RemoveAppPasswordsAsync(connection, Name, context, token));
    }
}
