using System;
using System.Runtime.InteropServices;
using System.Security.Authentication;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>TLS versions the server offers: 1.2 always, 1.3 where the OS has it.</summary>
    internal static class TlsProtocols
    {
        // SslProtocols.Tls13 is missing from netstandard2.0's enum; the value is the same on every runtime.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        /// <summary>Windows before build 20348 (Server 2022) has no TLS 1.3 in SChannel, and asking for it fails the handshake.</summary>
        public static SslProtocols Server { get; } =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && Environment.OSVersion.Version.Build < 20348
                ? SslProtocols.Tls12
                : SslProtocols.Tls12 | Tls13;
    }
}
