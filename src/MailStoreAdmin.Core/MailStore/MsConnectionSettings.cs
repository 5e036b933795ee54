using System;
using System.Net;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>What Connect-MsServer collects.</summary>
    public sealed class MsConnectionSettings
    {
        public const int ServerPort = 8463;
        public const int ServiceProviderPort = 8474;

        public MsConnectionSettings(string computerName, NetworkCredential credential)
        {
            ComputerName = computerName ?? throw new ArgumentNullException(nameof(computerName));
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
        }

        /// <summary>A host name, or a full base address such as https://host:8463/ (http only when allowed).</summary>
        public string ComputerName { get; }
        public int? Port { get; set; }
        public NetworkCredential Credential { get; }
        public CertificatePolicy CertificatePolicy { get; set; } = CertificatePolicy.Validate;
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Service Provider Edition management server (port 8474 by default).</summary>
        public bool ServiceProvider { get; set; }

        /// <summary>SPE: the instance whose id is injected where a function's metadata lists instanceID.</summary>
        public string? InstanceId { get; set; }

        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How long the server may hold one get-status request while nothing changes.</summary>
        public int StatusWaitMilliseconds { get; set; } = 5000;

        /// <summary>How long to wait for the server to confirm a cancellation before giving up.</summary>
        public TimeSpan CancelGracePeriod { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>A copy that selects another SPE instance (connection views per instance).</summary>
        internal MsConnectionSettings WithInstance(string instanceId) => new MsConnectionSettings(ComputerName, Credential)
        {
            Port = Port,
            CertificatePolicy = CertificatePolicy,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            ServiceProvider = ServiceProvider,
            InstanceId = instanceId,
            RequestTimeout = RequestTimeout,
            StatusWaitMilliseconds = StatusWaitMilliseconds,
            CancelGracePeriod = CancelGracePeriod,
        };

        public Uri BuildBaseUri()
        {
            var defaultPort = ServiceProvider ? ServiceProviderPort : ServerPort;
            if (ComputerName.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                if (!Uri.TryCreate(ComputerName, UriKind.Absolute, out var uri))
                {
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidComputerName",
                        $"'{ComputerName}' is neither a host name nor an absolute address.", ComputerName);
                }
                var builder = new UriBuilder(uri) { Path = "/" };
                if (Port.HasValue) builder.Port = Port.Value;
                else if (uri.IsDefaultPort) builder.Port = defaultPort;
                return builder.Uri;
            }
            if (Uri.CheckHostName(ComputerName) == UriHostNameType.Unknown)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidComputerName",
                    $"'{ComputerName}' is not a valid host name.", ComputerName);
            }
            return new UriBuilder(Uri.UriSchemeHttps, ComputerName, Port ?? defaultPort, "/").Uri;
        }
    }
}
