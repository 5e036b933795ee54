using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Sets the password of existing dbmail users.</para></summary>
    [Cmdlet(VerbsCommon.Set, "DbMailUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(void))]
    public sealed class SetDbMailUserPasswordCommand : DbMailCmdlet
    {
        private const string PasswordSet = "Password";
        private const string CredentialSet = "Credential";

        /// <summary><para type="description">The user whose password changes.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PasswordSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary><para type="description">The new password; a SecureString, or a plain string such as a column of Import-Csv.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = PasswordSet)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">The user name and new password as one credential.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        protected override void ProcessRecord()
        {
            var name = ParameterSetName == CredentialSet ? Credential.UserName : UserName;
            var password = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : SecureStringTransformationAttribute.Plain(Password);
            RunWithConnection((connection, context, token) => DbMailUserOperations.SetPasswordAsync(connection, name, password, context, token));
        }
    }
}
