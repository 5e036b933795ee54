using System.Management.Automation;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Creates an SPE system administrator with a password.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsSystemAdministrator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class NewMsSystemAdministratorCommand : SystemAdministratorPasswordCmdlet
    {
        /// <summary><para type="description">The administrator's full name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FullName { get; set; }

        /// <summary><para type="description">The administrator's e-mail address.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EmailAddress { get; set; }

        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(Password);
            var settings = MsConfigObject.Given(("fullName", FullName), ("emailAddress", EmailAddress));
            Run((connection, context, token) => MsSystemAdministratorOperations.NewAsync(connection, UserName, password, settings, context, token));
        }
    }
}
