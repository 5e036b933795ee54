using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Deactivates MFA for an SPE system administrator.</para></summary>
    [Cmdlet(VerbsLifecycle.Disable, "MsSystemAdministratorMfa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class DisableMsSystemAdministratorMfaCommand : SystemAdministratorCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSystemAdministratorOperations.DisableMfaAsync(connection, UserName, context, token));
    }
}
