using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Sets the password of an SPE system administrator.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsSystemAdministratorPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetMsSystemAdministratorPasswordCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">The system administrator's user name; binds the userName property of Get-MsSystemAdministrator output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary><para type="description">The password, as a SecureString (Read-Host -AsSecureString); a plain string from Import-Csv is accepted.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        protected override void ProcessRecord()
        {
            var password = SecretText.ToPlain(Password);
            Run((connection, context, token) => MsSystemAdministratorOperations.SetPasswordAsync(connection, UserName, password, context, token));
        }
    }
}
