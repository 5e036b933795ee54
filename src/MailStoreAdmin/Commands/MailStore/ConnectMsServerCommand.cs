using MailStoreAdmin.Core.Operations;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// <para type="synopsis">Connects to a MailStore Server or SPE management server and makes it this session's default.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "MsServer", DefaultParameterSetName = ValidateSet)]
    [OutputType(typeof(MsConnection))]
    public sealed class ConnectMsServerCommand : MailStoreAdminCmdlet
    {
        private const string ValidateSet = "Validate";
        private const string SkipSet = "Skip";
        private const string PinSet = "Pin";

        /// <summary><para type="description">Host name, or a full address such as https://mailstore:8463/.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string ComputerName { get; set; } = string.Empty;

        /// <summary><para type="description">TCP port; 8463 (Server) or 8474 (-ServiceProvider) by default.</para></summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int Port { get; set; }

        /// <summary><para type="description">A MailStore administrator with the 'api' login privilege (SPE with MFA: the API password).</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary><para type="description">Accepts any server certificate for this connection. Prefer -CertificateThumbprint.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = SkipSet)]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary><para type="description">Trusts exactly the certificate with this SHA-1 or SHA-256 thumbprint (MailStore's self-signed one).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = PinSet)]
        [ValidateNotNullOrEmpty]
        public string CertificateThumbprint { get; set; } = string.Empty;

        /// <summary><para type="description">Connects to the Service Provider Edition management API (port 8474 by default); the edition is also detected from the metadata.</para></summary>
        [Parameter]
        public SwitchParameter ServiceProvider { get; set; }

        /// <summary><para type="description">SPE: the default instance of instance-level cmdlets, filled in as instanceID wherever a function takes one.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? InstanceId { get; set; }

        /// <summary><para type="description">Allows credentials over plain http (an http:// address); only for trusted links such as localhost.</para></summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary><para type="description">Seconds one request may take (long polls wait on top of this).</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary><para type="description">Writes the new connection to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var settings = new MsConnectionSettings(ComputerName, Credential.GetNetworkCredential())
            {
                Port = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : (int?)null,
                ServiceProvider = ServiceProvider,
                InstanceId = InstanceId,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
                RequestTimeout = System.TimeSpan.FromSeconds(TimeoutSec),
                CertificatePolicy = ParameterSetName == SkipSet ? CertificatePolicy.Skip
                    : ParameterSetName == PinSet ? CertificatePolicy.Pin(CertificateThumbprint)
                    : CertificatePolicy.Validate,
            };
            if (SkipCertificateCheck) WriteWarning("Certificate validation is off for this connection; anyone on the network path could read the credentials. Prefer -CertificateThumbprint.");

            // Read on the pipeline thread: the runspace is not visible from the worker thread.
            var scope = ModuleState.Scope;
            Run(async (context, token) =>
            {
                var connection = await MsConnection.ConnectAsync(settings, context, token).ConfigureAwait(false);
                ModuleState.MailStore.Add(scope, connection);
                context.Log(LogLevel.Verbose, $"Connected to {connection.Uri} ({connection.Edition}) as {connection.UserName} ({connection.FunctionCount} API functions{(connection.ServerVersion != null ? ", version " + connection.ServerVersion : string.Empty)}).");
                if (PassThru) context.WriteObject(connection);
            }, terminating: true);
        }
    }
}
