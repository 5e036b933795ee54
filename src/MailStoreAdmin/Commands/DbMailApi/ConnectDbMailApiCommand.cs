using MailStoreAdmin.Core.Operations;
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
    public sealed class ConnectDbMailApiCommand : MailStoreAdminCmdlet
    {
        private const string KeySet = "SecurityKey";
        private const string CredentialSet = "Credential";

        /// <summary><para type="description">The address dbmail-api's routes hang off, such as https://mail.example.com/dbmail-api/.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Uri? Uri { get; set; }

        /// <summary><para type="description">The secKey from dbmail-api's protected/config/params.php.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = KeySet)]
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

        /// <summary><para type="description">Allows the security key over plain http; only for trusted links such as localhost.</para></summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary><para type="description">Seconds one request may take. Creating a POP3 fetch rule makes the server probe the POP3 host, which can take over 10 seconds.</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary><para type="description">Writes the new connection to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

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
                RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
                CertificatePolicy = SkipCertificateCheck ? CertificatePolicy.Skip
                    : CertificateThumbprint != null ? CertificatePolicy.Pin(CertificateThumbprint) : CertificatePolicy.Validate,
            };
            if (settings.SecurityKeyLooksNumeric)
            {
                WriteWarning("The security key looks like a number. dbmail-api compares keys loosely (PHP '!='), so other spellings of the same number, such as 1e3 for 1000, are accepted too. Use a non-numeric key.");
            }
            if (SkipCertificateCheck) WriteWarning("Certificate validation is off for this connection; anyone on the network path could read the security key. Prefer -CertificateThumbprint.");

            var scope = ModuleState.Scope;
            Run(async (context, token) =>
            {
                var connection = await DbMailApiConnection.ConnectAsync(settings, context, token).ConfigureAwait(false);
                ModuleState.DbMailApi.Add(scope, connection);
                context.Log(LogLevel.Verbose, $"Connected to dbmail-api at {connection.Uri}.");
                if (PassThru) context.WriteObject(connection);
            }, terminating: true);
        }
    }
}
