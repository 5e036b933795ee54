using System.Management.Automation;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Sets the password of an SPE system administrator.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsSystemAdministratorPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetMsSystemAdministratorPasswordCommand : SystemAdministratorPasswordCmdlet
    {
        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(Password);
            Run((connection, context, token) => MsSystemAdministratorOperations.SetPasswordAsync(connection, UserName, password, context, token));
        }
    }
}
