using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary>
    /// <para type="synopsis">Creates dbmail users. A name without '@' gets the address name@defaultMailDomain (the server's setting).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DbMailUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(DbMailUser))]
    public sealed class NewDbMailUserCommand : DbMailCmdlet
    {
        private const string PasswordSet = "Password";
        private const string CredentialSet = "Credential";

        /// <summary><para type="description">The new user's name (also its e-mail address when it contains '@'). No commas.</para></summary>
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

        protected override void ProcessRecord()
        {
            var name = ParameterSetName == CredentialSet ? Credential.UserName : UserName;
            var password = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : SecureStringTransformationAttribute.Plain(Password);
            RunWithConnection(async (connection, context, token) =>
            {
                var user = await DbMailUserOperations.CreateAsync(connection, name, password, context, token).ConfigureAwait(false);
                if (user != null) context.WriteObject(user);
            });
        }
    }
}
