using System;
using System.Text.RegularExpressions;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>How to reach one dbmail-api installation. The security key travels in every request body.</summary>
    public sealed class DbMailApiConnectionSettings
    {
        public DbMailApiConnectionSettings(Uri uri, string securityKey)
        {
            if (uri == null) throw new ArgumentNullException(nameof(uri));
            if (string.IsNullOrEmpty(securityKey)) throw new ArgumentException("The dbmail-api security key is empty.", nameof(securityKey));
            // Routes are resolved relative to the base, so it must end with '/' (https://host/dbmail-api/isUserPresent).
            Uri = uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
            SecurityKey = securityKey;
        }

        public Uri Uri { get; }
        public string SecurityKey { get; }

        /// <summary>
        /// dbmail-api compares keys with PHP's loose '!=', so a numeric key also accepts other spellings of the same
        /// number (1e3 for 1000).
        /// </summary>
        public bool SecurityKeyLooksNumeric => NumericKey.IsMatch(SecurityKey);

        private static readonly Regex NumericKey = new Regex(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$", RegexOptions.CultureInvariant);
        public CertificatePolicy CertificatePolicy { get; set; } = CertificatePolicy.Validate;
        public bool AllowUnencryptedAuthentication { get; set; }

        /// <summary>addGetMailRule probes the POP3 host from the server (two 5 s timeouts), so allow well over that.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        internal HttpEndpointSettings ToEndpointSettings() => new HttpEndpointSettings(Uri)
        {
            RequestsCarrySecret = true,
            CertificatePolicy = CertificatePolicy,
            AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            RequestTimeout = RequestTimeout,
        };
    }
}
