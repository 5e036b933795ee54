using MailStoreAdmin.Core.Operations;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>
    /// One HttpClient per connection: form-encoded POSTs with an explicit Content-Length, preemptive Basic auth,
    /// keep-alive, the connection's own certificate policy (never ServicePointManager), per-request timeouts,
    /// retries for idempotent requests, and redacted logging. API clients map status codes to their own errors.
    /// </summary>
    public sealed class HttpTransport : IDisposable
    {
        private const int DebugBodyChars = 4096;
        private readonly HttpClient _client;
        private readonly HttpEndpointSettings _settings;
        private readonly AuthenticationHeaderValue? _authorization;
        private readonly string[] _secrets;

        public HttpTransport(HttpEndpointSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            var scheme = settings.BaseUri.Scheme;
            if (scheme != Uri.UriSchemeHttps && scheme != Uri.UriSchemeHttp)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "UnsupportedUriScheme",
                    $"'{settings.BaseUri}' is not an http or https address.", settings.BaseUri);
            }
            if (scheme == Uri.UriSchemeHttp && (settings.BasicCredential != null || settings.RequestsCarrySecret) && !settings.AllowUnencryptedAuthentication)
            {
                throw new MailStoreAdminException(ErrorKind.SecurityError, "UnencryptedAuthenticationRefused",
                    $"Refusing to send credentials to '{settings.BaseUri}' over unencrypted http.", settings.BaseUri,
                    recommendedAction: "Use https, or allow unencrypted authentication for this connection (AllowUnencryptedAuthentication) if the link is trusted, for example localhost.");
            }

            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = true,
                MaxConnectionsPerServer = settings.MaxConnections,
                PreAuthenticate = false,
            };
            if (scheme == Uri.UriSchemeHttps)
            {
                var policy = settings.CertificatePolicy;
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                {
                    if (policy.Accepts(certificate, errors)) return true;
                    RejectedCertificate = certificate == null ? null : new X509Certificate2(certificate);
                    RejectedCertificateErrors = errors.ToString();
                    return false;
                };
            }

            _client = new HttpClient(handler, disposeHandler: true)
            {
                BaseAddress = settings.BaseUri,
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _client.DefaultRequestHeaders.UserAgent.ParseAdd("MailStoreAdmin/" + typeof(HttpTransport).Assembly.GetName().Version);
            _client.DefaultRequestHeaders.Accept.ParseAdd("application/json");

            var credential = settings.BasicCredential;
            if (credential != null)
            {
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password));
                _authorization = new AuthenticationHeaderValue("Basic", token);
                _secrets = new[] { credential.Password, token };
            }
            else
            {
                _secrets = Array.Empty<string>();
            }
        }

        public Uri BaseUri => _settings.BaseUri;

        /// <summary>The certificate the policy refused most recently, so errors can name its thumbprint.</summary>
        public X509Certificate2? RejectedCertificate { get; private set; }

        public string? RejectedCertificateErrors { get; private set; }

        /// <summary>Connection-level secrets (password, Authorization token) to scrub from any outside text.</summary>
        public IReadOnlyList<string> Secrets => _secrets;

        /// <summary>
        /// POSTs a form and returns the response with its body unread (the caller streams and disposes it).
        /// </summary>
        public async Task<HttpResponseMessage> PostFormAsync(string relativePath,
            IReadOnlyList<KeyValuePair<string, string>> form, TransportCallOptions options, OperationContext context,
            CancellationToken cancellationToken)
        {
            var body = FormEncoder.Encode(form);
            var timeout = options.Timeout ?? _settings.RequestTimeout;
            var attempts = options.Idempotent ? Math.Max(1, _settings.MaxAttempts) : 1;
            for (int attempt = 1; ; attempt++)
            {
                var stopwatch = Stopwatch.StartNew();
                context.Log(LogLevel.Verbose, $"POST {new Uri(_settings.BaseUri, relativePath)} ({body.Length} bytes){AttemptSuffix(attempt)}");
                if (context.IsDebugEnabled)
                {
                    context.Log(LogLevel.Debug, "Request body: " + Redactor.Truncate(Redactor.ScrubValues(
                        Redactor.DescribeForm(form), Concat(options.Secrets)), DebugBodyChars));
                }

                HttpResponseMessage response;
                try
                {
                    response = await SendOnceAsync(relativePath, body, timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (MailStoreAdminException e) when (e.Kind == ErrorKind.ConnectionError && attempt < attempts)
                {
                    context.Log(LogLevel.Verbose, $"{relativePath}: {e.Message} Retrying.");
                    await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var status = (int)response.StatusCode;
                context.Log(LogLevel.Verbose,
                    $"{relativePath}: HTTP {status} {response.Content.Headers.ContentType?.MediaType} in {stopwatch.ElapsedMilliseconds} ms");
                if (attempt < attempts && (status == 502 || status == 503 || status == 504))
                {
                    response.Dispose();
                    await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                return response;
            }
        }

        /// <summary>Reads a (small) body as text with the BOM removed, for errors and debug dumps.</summary>
        public static async Task<string> ReadTextAsync(HttpResponseMessage response, int maxChars)
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            var buffer = new char[maxChars];
            int total = 0, read;
            while (total < maxChars && (read = await reader.ReadAsync(buffer, total, maxChars - total).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
            return new string(buffer, 0, total);
        }

        /// <summary>Scrubs connection secrets and the given request secrets from a server-provided text.</summary>
        public string Scrub(string? text, IEnumerable<string>? requestSecrets = null) =>
            Redactor.ScrubValues(text, Concat(requestSecrets));

        private IEnumerable<string> Concat(IEnumerable<string>? requestSecrets)
        {
            foreach (var s in _secrets) yield return s;
            if (requestSecrets == null) yield break;
            foreach (var s in requestSecrets) yield return s;
        }

        private async Task<HttpResponseMessage> SendOnceAsync(string relativePath, byte[] body, TimeSpan timeout,
            CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, relativePath);
            // ByteArrayContent always yields a Content-Length, also 0 for an empty body (the server answers 411 without it).
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            request.Content.Headers.ContentLength = body.Length;
            if (_authorization != null) request.Headers.Authorization = _authorization;

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            try
            {
                return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MailStoreAdminException(ErrorKind.OperationTimeout, "RequestTimedOut",
                    $"{new Uri(_settings.BaseUri, relativePath)} did not answer within {timeout.TotalSeconds:0.#} seconds.",
                    _settings.BaseUri);
            }
            catch (HttpRequestException e)
            {
                throw TranslateNetworkFailure(e);
            }
        }

        private MailStoreAdminException TranslateNetworkFailure(HttpRequestException e)
        {
            var rejected = RejectedCertificate;
            if (rejected != null && IsCertificateFailure(e))
            {
                RejectedCertificate = null;
                var thumbprint = rejected.Thumbprint;
                return new MailStoreAdminException(ErrorKind.SecurityError, "ServerCertificateRejected",
                    $"The certificate of {_settings.BaseUri.Host} was not accepted ({RejectedCertificateErrors}; subject '{rejected.Subject}', thumbprint {thumbprint}).",
                    _settings.BaseUri, e,
                    $"If this is the server's own certificate, pin it for this connection (CertificateThumbprint {thumbprint}); or install a trusted certificate on the server.");
            }
            var detail = Scrub(Innermost(e).Message);
            return new MailStoreAdminException(ErrorKind.ConnectionError, "ConnectionFailed",
                $"Could not reach {_settings.BaseUri}: {detail}", _settings.BaseUri, e);
        }

        private static bool IsCertificateFailure(Exception e)
        {
            for (var current = e; current != null; current = current.InnerException)
            {
                if (current is AuthenticationException) return true;
            }
            return e.Message.IndexOf("SSL", StringComparison.OrdinalIgnoreCase) >= 0
                || e.Message.IndexOf("trust relationship", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }

        private TimeSpan RetryDelay(int attempt) =>
            TimeSpan.FromMilliseconds(_settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));

        private static string AttemptSuffix(int attempt) => attempt > 1 ? $" attempt {attempt}" : string.Empty;

        public void Dispose() => _client.Dispose();
    }

    /// <summary>Per-request choices.</summary>
    public sealed class TransportCallOptions
    {
        /// <summary>Safe to repeat after a network failure (reads, status polls).</summary>
        public bool Idempotent { get; set; }

        public TimeSpan? Timeout { get; set; }

        /// <summary>Values of this request that must never be logged or echoed (passwords in the form).</summary>
        public IReadOnlyList<string>? Secrets { get; set; }
    }
}
