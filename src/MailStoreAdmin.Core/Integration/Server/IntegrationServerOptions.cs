using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// How an <see cref="IntegrationServer"/> listens and what it tolerates. The server copies these values when it
    /// starts, so changing the object afterwards has no effect on a running server.
    /// </summary>
    public sealed class IntegrationServerOptions
    {
        /// <summary>
        /// Address to listen on. Defaults to loopback so nothing is exposed by accident; MailStore usually runs on
        /// another machine, so set <see cref="IPAddress.Any"/> (or <see cref="IPAddress.IPv6Any"/>, dual-stack) or
        /// one interface's address to make the server reachable.
        /// </summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

        /// <summary>TCP port; 0 picks a free one (read the real one from <see cref="IntegrationServer.Endpoint"/>).</summary>
        public int Port { get; set; }

        /// <summary>When set (with its private key), the server speaks HTTPS only, TLS 1.2 or newer.</summary>
        public X509Certificate2? Certificate { get; set; }

        /// <summary>The HTTP Basic credential MailStore must send ("Server requires authentication" in MailStore).</summary>
        public NetworkCredential? CallerCredential { get; set; }

        /// <summary>Serve callers without any credential. Must be chosen explicitly; exclusive with a credential.</summary>
        public bool AllowAnonymous { get; set; }

        /// <summary>When set (e.g. "/mailstore"), only this exact path is served and others get 404; null serves any path.</summary>
        public string? Path { get; set; }

        public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

        /// <summary>Request line plus headers; larger heads get 431.</summary>
        public int MaxHeaderBytes { get; set; } = 16 * 1024;

        /// <summary>From a request's first byte until its whole body has arrived (slow senders get 408); also bounds the TLS handshake.</summary>
        public TimeSpan RequestReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How long a kept-alive connection may wait for its next request. Longer than .NET Framework's 100 s client
        /// idle time (MailStore is a .NET application), so the client retires a connection before the server closes it
        /// and never sends a POST into a connection that is just being closed.
        /// </summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>How long a response may take to be taken up by a slow reader before the connection is dropped.</summary>
        public TimeSpan ResponseWriteTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Longest wait for the user source to list users; then 504.</summary>
        public TimeSpan ListTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Longest wait for the user source to check a password; then 504.</summary>
        public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Requests processed at once; further ones wait up to <see cref="QueueTimeout"/>, then get 503.</summary>
        public int MaxConcurrentRequests { get; set; } = 16;

        public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Open connections; further ones are closed at once.</summary>
        public int MaxConnections { get; set; } = 256;

        /// <summary>How long stopping waits for requests in flight before cancelling them.</summary>
        public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

        internal IntegrationServerOptions Snapshot()
        {
            var copy = (IntegrationServerOptions)MemberwiseClone();
            if (CallerCredential != null) copy.CallerCredential = new NetworkCredential(CallerCredential.UserName, CallerCredential.Password);
            copy.Path = NormalizePath(Path);
            return copy;
        }

        /// <summary>Throws MailStoreAdminException (InvalidArgument) for the first invalid setting.</summary>
        public void Validate()
        {
            if (BindAddress == null) throw Invalid("IntegrationServerNoBindAddress", "BindAddress must be set.");
            if (Port < 0 || Port > 65535) throw Invalid("IntegrationServerInvalidPort", $"Port {Port} is not a TCP port (0-65535, 0 = any free port).");
            var hasCredential = CallerCredential != null && !string.IsNullOrEmpty(CallerCredential.UserName);
            if (!hasCredential && !AllowAnonymous)
            {
                throw Invalid("IntegrationServerNoCallerCredential",
                    "The integration server needs the credential MailStore will send (user name and password), or an explicit choice to allow anonymous callers.");
            }
            if (hasCredential && AllowAnonymous)
            {
                throw Invalid("IntegrationServerCredentialAndAnonymous", "Give either a caller credential or allow anonymous callers, not both.");
            }
            if (hasCredential && string.IsNullOrEmpty(CallerCredential!.Password))
            {
                throw Invalid("IntegrationServerEmptyCallerPassword", "The caller credential needs a non-empty password.");
            }
            if (Certificate != null && !Certificate.HasPrivateKey)
            {
                throw Invalid("IntegrationServerCertificateWithoutKey",
                    $"The certificate '{Certificate.Subject}' ({Certificate.Thumbprint}) has no private key; HTTPS needs one (import it from a PFX).");
            }
            if (Path != null && (NormalizePath(Path)!.IndexOfAny(new[] { '?', '#', ' ' }) >= 0))
            {
                throw Invalid("IntegrationServerInvalidPath", "Path must be a plain URL path such as /mailstore (no query, fragment or spaces).");
            }
            RequirePositive(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes));
            if (MaxHeaderBytes < 1024) throw Invalid("IntegrationServerInvalidLimit", "MaxHeaderBytes must be at least 1024.");
            RequirePositive(MaxConcurrentRequests, nameof(MaxConcurrentRequests));
            RequirePositive(MaxConnections, nameof(MaxConnections));
            RequirePositive(RequestReadTimeout, nameof(RequestReadTimeout));
            RequirePositive(IdleTimeout, nameof(IdleTimeout));
            RequirePositive(ResponseWriteTimeout, nameof(ResponseWriteTimeout));
            RequirePositive(ListTimeout, nameof(ListTimeout));
            RequirePositive(AuthTimeout, nameof(AuthTimeout));
            if (QueueTimeout < TimeSpan.Zero) throw Invalid("IntegrationServerInvalidLimit", "QueueTimeout cannot be negative.");
            if (StopGracePeriod < TimeSpan.Zero) throw Invalid("IntegrationServerInvalidLimit", "StopGracePeriod cannot be negative.");
        }

        private static string? NormalizePath(string? path)
        {
            if (string.IsNullOrWhiteSpace(path)) return null;
            return path!.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;
        }

        private static void RequirePositive(int value, string name)
        {
            if (value <= 0) throw Invalid("IntegrationServerInvalidLimit", $"{name} must be greater than zero.");
        }

        private static void RequirePositive(TimeSpan value, string name)
        {
            // Timer-based waits take at most int.MaxValue milliseconds.
            if (value <= TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
            {
                throw Invalid("IntegrationServerInvalidLimit", $"{name} must be greater than zero and at most 24 days.");
            }
        }

        private static MailStoreAdminException Invalid(string errorId, string message) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message);
    }
}
