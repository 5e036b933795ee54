using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Integration.Passwords;

namespace MailStoreAdmin.Commands.Integration
{
    /// <summary><para type="synopsis">Hashes a password for a Start-MsIntegrationServer -UserFile (SHA-512 crypt by default).</para></summary>
    [Cmdlet(VerbsData.ConvertTo, "MsPasswordHash")]
    [OutputType(typeof(string))]
    public sealed class ConvertToMsPasswordHashCommand : PSCmdlet
    {
        /// <summary><para type="description">The password; a SecureString or a plain string.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">sha512-crypt ($6$, the default), sha256-crypt ($5$) or bcrypt ($2b$, slow by design).</para></summary>
        [Parameter]
        [ValidateSet("sha512-crypt", "sha256-crypt", "bcrypt")]
        public string Scheme { get; set; } = "sha512-crypt";

        protected override void ProcessRecord() =>
            WriteObject(PasswordHasher.Hash(SecretText.ToPlain(Password), Scheme));
    }
}
