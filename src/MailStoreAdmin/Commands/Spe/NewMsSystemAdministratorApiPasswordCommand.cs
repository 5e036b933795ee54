using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Creates a new API password for the connected SPE administrator (needed for API use with MFA).</para></summary>
    [Cmdlet(VerbsCommon.New, "MsSystemAdministratorApiPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsSystemAdministratorApiPassword))]
    public sealed class NewMsSystemAdministratorApiPasswordCommand : MsConnectionCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSystemAdministratorOperations.NewApiPasswordAsync(connection, context, token));
    }
}
