using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary>
    /// <para type="synopsis">Creates MailStore users: one CreateUser per user, plus SetUserEmailAddresses when addresses are given.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "MsUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsUser))]
    public sealed class NewMsUserCommand : MsCmdlet
    {
        /// <summary><para type="description">The new user's name (login name).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The display name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? FullName { get; set; }

        /// <summary><para type="description">E-mail addresses; a CSV cell may hold several separated by ';' or ','.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("EmailAddresses")]
        [ListSplit]
        public string[]? EmailAddress { get; set; }

        /// <summary><para type="description">The directory distinguished name (LDAP DN).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DistinguishedName { get; set; }

        /// <summary><para type="description">Integrated (MailStore checks the password) or DirectoryServices.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public MsUserAuthentication? Authentication { get; set; }

        /// <summary><para type="description">The password for integrated authentication, as a SecureString; plain text is refused.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SecureStringOnly]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">Privileges (None and Admin stand alone). Without it the user has none.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Privileges")]
        [ListSplit]
        public MsUserPrivilege[]? Privilege { get; set; }

        /// <summary><para type="description">How the user may log in (Windows, Web, Outlook, WindowsCmd, Imap, Api; None alone).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("LoginPrivileges")]
        [ListSplit]
        public MsLoginPrivilege[]? LoginPrivilege { get; set; }

        /// <summary><para type="description">Writes the new user as the server returns it.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var properties = new MsUserProperties
            {
                FullName = FullName, DistinguishedName = DistinguishedName, Authentication = Authentication, EmailAddresses = EmailAddress,
                Privileges = Privilege, LoginPrivileges = LoginPrivilege,
            };
            var password = Password == null ? null : SecretText.ToPlain(Password);
            Run((connection, context, token) => MsUserEditOperations.NewUserAsync(connection, Name, properties, password, PassThru, context, token));
        }
    }
}
