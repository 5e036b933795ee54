using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes the SPE system SMTP settings: read-modify-write, other settings kept.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsSystemSmtpSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsSystemSmtpSettingCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">The SMTP server's host name.</para></summary>
        [Parameter]
        public string? Hostname { get; set; }

        /// <summary><para type="description">The SMTP server's port.</para></summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int? Port { get; set; }

        /// <summary><para type="description">The protocol, e.g. SMTP, SMTP-TLS or SMTPS.</para></summary>
        [Parameter]
        public string? Protocol { get; set; }

        /// <summary><para type="description">The SMTP user name.</para></summary>
        [Parameter]
        public string? UserName { get; set; }

        /// <summary><para type="description">The SMTP password; the server never returns it, so it is sent only when given.</para></summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">The sender's display name.</para></summary>
        [Parameter]
        public string? FromDisplayName { get; set; }

        /// <summary><para type="description">The sender's e-mail address.</para></summary>
        [Parameter]
        public string? FromEmailAddress { get; set; }

        /// <summary><para type="description">Where notifications go.</para></summary>
        [Parameter]
        public string? RecipientEmailAddress { get; set; }

        /// <summary><para type="description">Accepts the SMTP server's certificate even when it does not validate.</para></summary>
        [Parameter]
        public SwitchParameter IgnoreSslPolicyErrors { get; set; }

        /// <summary><para type="description">Whether the SMTP server requires authentication.</para></summary>
        [Parameter]
        public SwitchParameter AuthenticationRequired { get; set; }

        /// <summary><para type="description">Writes the settings as the server has them afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = MsConfigObject.Given(("hostname", Hostname), ("port", Port), ("protocol", Protocol), ("userName", UserName),
                ("password", Password == null ? null : SecretText.ToPlain(Password)), ("fromDisplayName", FromDisplayName),
                ("fromEmailAddress", FromEmailAddress), ("recipientEmailAddress", RecipientEmailAddress),
                ("ignoreSslPolicyErrors", PowerShellValues.BoundSwitch(MyInvocation, nameof(IgnoreSslPolicyErrors))),
                ("authenticationRequired", PowerShellValues.BoundSwitch(MyInvocation, nameof(AuthenticationRequired))));
            Run((connection, context, token) => MsSpeSystemOperations.SetSmtpAsync(connection, changes, PassThru, context, token));
        }
    }
}
