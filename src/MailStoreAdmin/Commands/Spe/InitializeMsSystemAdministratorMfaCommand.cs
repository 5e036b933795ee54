using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Initializes MFA for an SPE system administrator: set up at the next logon.</para></summary>
    [Cmdlet(VerbsData.Initialize, "MsSystemAdministratorMfa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class InitializeMsSystemAdministratorMfaCommand : SystemAdministratorCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSystemAdministratorOperations.InitializeMfaAsync(connection, UserName, context, token));
    }
}
