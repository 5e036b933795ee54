using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;
using System.Security;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Sets the password of users with integrated authentication.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SetMsUserPasswordCommand : MsUserCmdlet
    {
        /// <summary><para type="description">The new password, as a SecureString (plain text is refused).</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [SecureStringOnly]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.SetPasswordAsync(connection, Name, SecretText.ToPlain(Password), context, token));
    }
}
