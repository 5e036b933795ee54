using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Deletes an SPE system administrator.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsSystemAdministrator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsSystemAdministratorCommand : SystemAdministratorCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSystemAdministratorOperations.RemoveAsync(connection, UserName, context, token));
    }
}
