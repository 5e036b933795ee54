using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// A dbmail cmdlet that takes a user name and password, either separately (a Password column of Import-Csv binds
    /// as a plain string) or as one PSCredential.
    /// </summary>
    public abstract class DbMailApiLoginCmdlet : DbMailApiCmdlet
    {
        protected const string PasswordSet = "Password";
        protected const string CredentialSet = "Credential";

        /// <summary><para type="description">The dbmail user name (also its e-mail address when it contains '@').</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = PasswordSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary><para type="description">The password; a SecureString, or a plain string such as a column of Import-Csv. The server stores it as an unsalted SHA-256.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = PasswordSet)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">The user name and password as one credential.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The user name and the plain password, whichever way they were given.</summary>
        protected (string UserName, string Password) Login() => ParameterSetName == CredentialSet
            ? (Credential.UserName, Credential.GetNetworkCredential().Password)
            : (UserName, SecretText.ToPlain(Password));
    }
}
