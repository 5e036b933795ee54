using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes an SPE system administrator: read-modify-write, other settings kept.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsSystemAdministrator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsSystemAdministratorCommand : SystemAdministratorCmdlet
    {
        /// <summary><para type="description">The administrator's full name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FullName { get; set; }

        /// <summary><para type="description">The administrator's e-mail address.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EmailAddress { get; set; }

        /// <summary><para type="description">Writes the administrator as sent.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = MsConfigObject.Given(("fullName", FullName), ("emailAddress", EmailAddress));
            Run((connection, context, token) => MsSystemAdministratorOperations.SetAsync(connection, UserName, changes, PassThru, context, token));
        }
    }
}
