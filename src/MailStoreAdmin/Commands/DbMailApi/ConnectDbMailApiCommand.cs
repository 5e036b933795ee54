using MailStoreAdmin.Core.Sessions;
using System;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Connects to a dbmail-api service with its security key and makes it this session's default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "DbMailApi", DefaultParameterSetName = KeySet)]
    [OutputType(typeof(DbMailApiConnection))]
    public sealed class ConnectDbMailApiCommand : ConnectCommandBase<DbMailApiConnection>
    {
        private const string KeySet = "SecurityKey";
        private const string CredentialSet = "Credential";

        /// <summary><para type="description">The address dbmail-api's routes hang off, such as https://mail.example.com/dbmail-api/.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary><para type="description">The secKey from dbmail-api's protected/config/params.php.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = KeySet)]
        [SecureStringOnly]
        [ValidateNotNull]
        public System.Security.SecureString? SecurityKey { get; set; }

        /// <summary><para type="description">A credential whose password is the security key (the user name is ignored), for example from Get-Secret.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary><para type="description">Accepts any server certificate for this connection. Prefer -CertificateThumbprint.</para></summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary><para type="description">Trusts exactly the certificate with this SHA-1 or SHA-256 thumbprint.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        private protected override ScopedConnections<DbMailApiConnection> Connections => ModuleState.DbMailApi;

        protected override void ProcessRecord()
        {
            if (SkipCertificateCheck && CertificateThumbprint != null)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException("Use either -SkipCertificateCheck or -CertificateThumbprint, not both."),
                    "ConflictingCertificateOptions", ErrorCategory.InvalidArgument, null));
            }
            var key = ParameterSetName == CredentialSet ? Credential.GetNetworkCredential().Password : SecretText.ToPlain(SecurityKey);
            var settings = new DbMailApiConnectionSettings(Uri!, key)
            {
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
                RequestTimeout = RequestTimeout,
                CertificatePolicy = SkipCertificateCheck ? CertificatePolicy.Skip
                    : CertificateThumbprint != null ? CertificatePolicy.Pin(CertificateThumbprint) : CertificatePolicy.Validate,
            };
            if (settings.SecurityKeyLooksNumeric)
            {
                WriteWarning("The security key looks like a number. dbmail-api compares keys loosely (PHP '!='), so other spellings of the same number, such as 1e3 for 1000, are accepted too. Use a non-numeric key.");
            }
            if (SkipCertificateCheck) WarnCertificateCheckSkipped("security key");
            Connect((context, token) => DbMailApiConnection.ConnectAsync(settings, context, token), connection => $"Connected to dbmail-api at {connection.Uri}.");
        }
    }
}
