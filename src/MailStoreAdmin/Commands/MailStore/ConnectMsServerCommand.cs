using MailStoreAdmin.Core.Sessions;
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
    public sealed class ConnectMsServerCommand : ConnectCommandBase<MsConnection>
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

        private protected override ScopedConnections<MsConnection> Connections => ModuleState.MailStore;

        protected override void ProcessRecord()
        {
            var settings = new MsConnectionSettings(ComputerName, Credential.GetNetworkCredential())
            {
                Port = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : (int?)null,
                ServiceProvider = ServiceProvider,
                InstanceId = InstanceId,
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
                RequestTimeout = RequestTimeout,
                CertificatePolicy = ParameterSetName == SkipSet ? CertificatePolicy.Skip
                    : ParameterSetName == PinSet ? CertificatePolicy.Pin(CertificateThumbprint)
                    : CertificatePolicy.Validate,
            };
            if (SkipCertificateCheck) WarnCertificateCheckSkipped("credentials");
            Connect((context, token) => MsConnection.ConnectAsync(settings, context, token), connection =>
                $"Connected to {connection.Uri} ({connection.Edition}) as {connection.UserName} ({connection.FunctionCount} API functions{(connection.ServerVersion != null ? ", version " + connection.ServerVersion : string.Empty)}).");
        }
    }
}
