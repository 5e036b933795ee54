using System;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>
    /// How one connection judges the server certificate: the platform's validation (default), no validation
    /// (an explicit per-connection choice), or a pinned certificate. MailStore ships a self-signed certificate,
    /// so pinning its thumbprint is the safe alternative to skipping.
    /// </summary>
    public sealed class CertificatePolicy
    {
        private readonly string? _pinnedThumbprint;

        private CertificatePolicy(CertificatePolicyMode mode, string? pinnedThumbprint)
        {
            Mode = mode;
            _pinnedThumbprint = pinnedThumbprint;
        }

        public static CertificatePolicy Validate { get; } = new CertificatePolicy(CertificatePolicyMode.Validate, null);
        public static CertificatePolicy Skip { get; } = new CertificatePolicy(CertificatePolicyMode.Skip, null);

        /// <summary>Pins a SHA-1 (40 hex digits, as Windows shows it) or SHA-256 (64 hex digits) thumbprint.</summary>
        public static CertificatePolicy Pin(string thumbprint)
        {
            var normalized = NormalizeThumbprint(thumbprint);
            if (normalized.Length != 40 && normalized.Length != 64 || !normalized.All(Uri.IsHexDigit))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidCertificateThumbprint",
                    $"'{thumbprint}' is not a certificate thumbprint: expected 40 (SHA-1) or 64 (SHA-256) hexadecimal digits.",
                    thumbprint);
            }
            return new CertificatePolicy(CertificatePolicyMode.Pin, normalized);
        }

        public CertificatePolicyMode Mode { get; }
        public string? PinnedThumbprint => _pinnedThumbprint;

        public override string ToString() => Mode == CertificatePolicyMode.Pin ? $"Pin {_pinnedThumbprint}" : Mode.ToString();

        /// <summary>The decision for one TLS handshake.</summary>
        public bool Accepts(X509Certificate? certificate, SslPolicyErrors errors)
        {
            switch (Mode)
            {
                case CertificatePolicyMode.Skip:
                    return true;
                case CertificatePolicyMode.Pin:
                    // A pinned certificate is trusted for exactly what it is: chain and name do not matter.
                    return certificate != null && MatchesPin(certificate);
                default:
                    return errors == SslPolicyErrors.None;
            }
        }

        private bool MatchesPin(X509Certificate certificate)
        {
            var raw = certificate.GetRawCertData();
            using HashAlgorithm hash = _pinnedThumbprint!.Length == 40 ? SHA1.Create() : (HashAlgorithm)SHA256.Create();
            var actual = ToHex(hash.ComputeHash(raw));
            return FixedTimeEquals(actual, _pinnedThumbprint);
        }

        internal static string NormalizeThumbprint(string thumbprint) =>
            new string((thumbprint ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != ':' && c != '-' && c != '\u200e')
                .ToArray()).ToUpperInvariant();

        internal static string ToHex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = "0123456789ABCDEF"[bytes[i] >> 4];
                chars[2 * i + 1] = "0123456789ABCDEF"[bytes[i] & 15];
            }
            return new string(chars);
        }

        private static bool FixedTimeEquals(string a, string b)
        {
            if (a.Length != b.Length) return false;
            int diff = 0;
            for (int i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }
    }

    public enum CertificatePolicyMode
    {
        Validate,
        Skip,
        Pin,
    }
}
