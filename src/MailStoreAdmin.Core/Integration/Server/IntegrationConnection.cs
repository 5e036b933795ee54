using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>One accepted TCP connection: optional TLS, then requests one after another while the client keeps it alive.</summary>
    internal sealed class IntegrationConnection
    {
        private readonly TcpClient _client;
        private readonly IntegrationServerOptions _options;
        private readonly IntegrationRequestHandler _handler;
        private readonly ServerEvents _events;
        private readonly CancellationToken _stopping;
        private readonly string _remote;

        public IntegrationConnection(TcpClient client, IntegrationServerOptions options, IntegrationRequestHandler handler,
            ServerEvents events, CancellationToken stopping)
        {
            _client = client;
            _options = options;
            _handler = handler;
            _events = events;
            _stopping = stopping;
            _remote = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
        }

        /// <summary>Closes the socket at once (used when stopping has waited long enough).</summary>
        public void Abort() => _client.Dispose();

        public async Task RunAsync()
        {
            try
            {
                _client.NoDelay = true;
                Stream stream = _client.GetStream();
                if (_options.Certificate != null)
                {
                    var tls = await AuthenticateTlsAsync(stream).ConfigureAwait(false);
                    if (tls == null) return;
                    stream = tls;
                }
                var reader = new HttpRequestReader(stream, _options.MaxHeaderBytes, _options.MaxRequestBodyBytes);
                while (!_stopping.IsCancellationRequested)
                {
                    if (!await reader.WaitForRequestAsync(IoDeadline.After(_options.IdleTimeout, _stopping)).ConfigureAwait(false)) return;
                    if (!await ServeOneAsync(stream, reader).ConfigureAwait(false)) return;
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is TimeoutException)
            {
                // The peer left, a write stalled, or stopping closed the socket: nothing is left to answer.
            }
            finally
            {
                _client.Dispose();
            }
        }

        private async Task<SslStream?> AuthenticateTlsAsync(Stream network)
        {
            var tls = new SslStream(network, leaveInnerStreamOpen: false);
            try
            {
                var handshake = tls.AuthenticateAsServerAsync(_options.Certificate, clientCertificateRequired: false,
                    TlsProtocols.Server, checkCertificateRevocation: false);
                await IoDeadline.RaceAsync(handshake, IoDeadline.After(_options.RequestReadTimeout, _stopping)).ConfigureAwait(false);
                return tls;
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is TimeoutException || e is SocketException || e is ObjectDisposedException)
            {
                var reason = e is TimeoutException ? "no TLS handshake within the request read timeout" : e.Message;
                _events.Raise(IntegrationServerEventKind.TlsHandshakeFailed, reason, _remote);
                tls.Dispose();
                return null;
            }
        }

        /// <summary>Reads, answers and logs one request; false when the connection must close afterwards.</summary>
        private async Task<bool> ServeOneAsync(Stream stream, HttpRequestReader reader)
        {
            var record = new IntegrationRequestRecord(DateTimeOffset.UtcNow, _remote);
            var clock = Stopwatch.StartNew();
            var readDeadline = IoDeadline.After(_options.RequestReadTimeout);
            HttpRequestHead? head = null;
            HttpResponse response;
            try
            {
                head = await reader.ReadHeadAsync(readDeadline).ConfigureAwait(false);
                response = await _handler.HandleAsync(head, reader, readDeadline, record).ConfigureAwait(false);
            }
            catch (HttpProtocolException e)
            {
                record.Error = e.Message;
                response = e.ToResponse();
                response.CloseConnection = e.CloseConnection;
            }
            catch (TimeoutException)
            {
                record.Error = "the request did not arrive within the request read timeout";
                response = HttpResponse.Error(408, "request timeout");
                response.CloseConnection = true;
            }
            catch (Exception e) when (!(e is IOException || e is SocketException || e is ObjectDisposedException))
            {
                // A bug of ours must still produce an answer, not a silently dropped connection.
                record.Error = "internal error: " + e.GetType().Name + ": " + e.Message;
                response = HttpResponse.Error(500, "internal server error");
                response.CloseConnection = true;
            }

            var close = response.CloseConnection || head == null || !head.WantsKeepAlive || !reader.TryDiscardBufferedBody() ||
                        _stopping.IsCancellationRequested;
            record.StatusCode = response.StatusCode;
            try
            {
                await response.WriteAsync(stream, close, IoDeadline.After(_options.ResponseWriteTimeout)).ConfigureAwait(false);
            }
            finally
            {
                record.Duration = clock.Elapsed;
                _events.Request(record);
            }
            if (close) await LingerAsync(stream).ConfigureAwait(false);
            return !close;
        }

        /// <summary>
        /// Before closing, swallow what the client may still be sending (an unread body) for a moment: closing a socket
        /// with unread data makes TCP send a reset, and the client may then lose the response it was sent.
        /// </summary>
        private async Task LingerAsync(Stream stream)
        {
            try
            {
                _client.Client.Shutdown(SocketShutdown.Send);
                var deadline = IoDeadline.After(TimeSpan.FromSeconds(1));
                var sink = new byte[16 * 1024];
                var total = 0;
                while (total < 1024 * 1024)
                {
                    var read = await IoDeadline.ReadAsync(stream, sink, 0, sink.Length, deadline).ConfigureAwait(false);
                    if (read == 0) break;
                    total += read;
                }
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException || e is TimeoutException)
            {
            }
        }
    }
}
