using System;
using System.Net;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>Everything one HTTP connection needs; each API client owns exactly one transport built from it.</summary>
    public sealed class HttpEndpointSettings
    {
        public HttpEndpointSettings(Uri baseUri)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
        }

        public Uri BaseUri { get; }

        /// <summary>Sent preemptively as HTTP Basic on every request; null for APIs that authenticate otherwise.</summary>
        public NetworkCredential? BasicCredential { get; set; }

        /// <summary>Every request carries a secret in its body (dbmail-api's secKey), so plain http is refused like Basic auth.</summary>
        public bool RequestsCarrySecret { get; set; }

        public CertificatePolicy CertificatePolicy { get; set; } = CertificatePolicy.Validate;

        /// <summary>Must be set explicitly before credentials travel over plain http.</summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>Upper bound for one request (long polls add their own wait on top).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How often an idempotent request is tried in all when the network or a gateway fails.</summary>
        public int MaxAttempts { get; set; } = 3;

        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Parallel requests allowed to the server (.NET Framework would otherwise allow 2).</summary>
        public int MaxConnections { get; set; } = 16;
    }
}
