using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// A running MailStore Application Integration server: answers cmd=list and cmd=auth from an
    /// <see cref="IDirectoryUserSource"/> over HTTP or HTTPS. It does not own the source; dispose that after stopping.
    /// </summary>
    public sealed class IntegrationServer : IDisposable
    {
        private static readonly TimeSpan AbortWait = TimeSpan.FromSeconds(1);

        private readonly IntegrationServerOptions _options;
        private readonly TcpListener _listener;
        private readonly ServerEvents _events;
        private readonly IntegrationRequestHandler _handler;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly CancellationTokenSource _abort = new CancellationTokenSource();
        private readonly ConcurrentDictionary<IntegrationConnection, Task> _connections = new ConcurrentDictionary<IntegrationConnection, Task>();
        private readonly TaskCompletionSource<bool> _completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly object _gate = new object();
        private Task? _acceptLoop;
        private Task? _stop;

        private IntegrationServer(IntegrationServerOptions options, TcpListener listener, IDirectoryUserSource source, IntegrationServerLogger logger)
        {
            _options = options;
            _listener = listener;
            _events = new ServerEvents(logger);
            _handler = new IntegrationRequestHandler(options, source, _abort.Token);
            Endpoint = (IPEndPoint)listener.LocalEndpoint;
            Url = BuildUrl(Endpoint, options);
            SourceDescription = source.Description;
        }

        /// <summary>The address and port actually listened on (the real port when 0 was asked for).</summary>
        public IPEndPoint Endpoint { get; }

        /// <summary>
        /// What to enter as the URL in MailStore. For a wildcard bind address the host part is this machine's name;
        /// MailStore must be able to resolve it (and, for HTTPS, it should match the certificate).
        /// </summary>
        public Uri Url { get; }

        public bool IsHttps => _options.Certificate != null;

        public string SourceDescription { get; }

        /// <summary>True until stopping starts or the listener fails.</summary>
        public bool IsRunning => !_stopping.IsCancellationRequested && !_completion.Task.IsCompleted;

        /// <summary>Completes when the server has stopped; faults (MailStoreAdminException) when the listening socket died.</summary>
        public Task Completion => _completion.Task;

        public IntegrationServerStatistics GetStatistics() => _events.Counters.Snapshot();

        /// <summary>Validates the options, binds, and starts serving. Throws MailStoreAdminException for bad options or a taken port.</summary>
        public static IntegrationServer Start(IntegrationServerOptions options, IDirectoryUserSource source, IntegrationServerLogger? logger = null)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (source == null) throw new ArgumentNullException(nameof(source));
            var snapshot = options.Snapshot();
            snapshot.Validate();

            var listener = new TcpListener(snapshot.BindAddress, snapshot.Port);
            if (snapshot.BindAddress.Equals(IPAddress.IPv6Any)) listener.Server.DualMode = true;
            // Windows lets another process bind the same port with SO_REUSEADDR and steal connections unless exclusive.
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) listener.ExclusiveAddressUse = true;
            try
            {
                listener.Start(128);
            }
            catch (SocketException e)
            {
                listener.Stop();
                var endpoint = new IPEndPoint(snapshot.BindAddress, snapshot.Port);
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "IntegrationServerBindFailed",
                    $"Cannot listen on {endpoint}: {e.Message}", endpoint, e,
                    "Choose another port or address, or stop the program that already uses this one.");
            }

            var server = new IntegrationServer(snapshot, listener, source, logger ?? IntegrationServerLogger.None);
            server.AnnounceStart();
            server._acceptLoop = Task.Run(server.AcceptLoopAsync);
            return server;
        }

        /// <summary>
        /// Stops accepting, closes idle connections, lets requests in flight finish for up to StopGracePeriod,
        /// then cancels them (they get 503) and closes everything. Safe to call more than once.
        /// </summary>
        public Task StopAsync()
        {
            lock (_gate)
            {
                return _stop ??= StopCoreAsync();
            }
        }

        public void Dispose() => StopAsync().GetAwaiter().GetResult();

        public override string ToString() => $"{Url} ({(IsRunning ? "running" : "stopped")}, users from {SourceDescription})";

        private void AnnounceStart()
        {
            var caller = _options.AllowAnonymous ? "anonymous callers allowed" : $"caller must authenticate as '{_options.CallerCredential!.UserName}'";
            _events.Raise(IntegrationServerEventKind.Started, $"listening on {Url} ({Endpoint}); users from {SourceDescription}; {caller}");
            if (!IsHttps && !_options.AllowAnonymous)
            {
                _events.Raise(IntegrationServerEventKind.Warning, "no certificate: the caller credential and users' passwords (cmd=auth) travel unencrypted over HTTP");
            }
            if (_options.AllowAnonymous && !IPAddress.IsLoopback(_options.BindAddress))
            {
                _events.Raise(IntegrationServerEventKind.Warning, "anonymous callers on a non-loopback address: anyone who reaches this port can list users and test passwords");
            }
        }

        private async Task AcceptLoopAsync()
        {
            try
            {
                while (true)
                {
                    TcpClient client;
                    try
                    {
                        client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                    }
                    catch (Exception) when (_stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset || e.SocketErrorCode == SocketError.ConnectionAborted)
                    {
                        continue; // The client gave up before we accepted it.
                    }
                    if (_stopping.IsCancellationRequested)
                    {
                        client.Dispose();
                        return;
                    }
                    Serve(client);
                }
            }
            catch (Exception e)
            {
                _events.Raise(IntegrationServerEventKind.ListenerFailed, e.Message);
                _completion.TrySetException(new MailStoreAdminException(ErrorKind.ConnectionError, "IntegrationServerListenerFailed",
                    $"The integration server on {Endpoint} stopped listening: {e.Message}", Endpoint, e));
                _ = StopAsync();
            }
        }

        private void Serve(TcpClient client)
        {
            if (_events.Counters.OpenConnections >= _options.MaxConnections)
            {
                _events.Raise(IntegrationServerEventKind.ConnectionRejected, $"{_options.MaxConnections} connections already open",
                    client.Client.RemoteEndPoint?.ToString());
                client.Dispose();
                return;
            }
            _events.Counters.ConnectionOpened();
            var connection = new IntegrationConnection(client, _options, _handler, _events, _stopping.Token);
            var running = Task.Run(connection.RunAsync);
            _connections[connection] = running;
            // Registered after the add, so a connection that is already over is still removed.
            running.ContinueWith(_ =>
            {
                _connections.TryRemove(connection, out var _);
                _events.Counters.ConnectionClosed();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private async Task StopCoreAsync()
        {
            _events.Raise(IntegrationServerEventKind.Stopping, $"stopping {Url}");
            _stopping.Cancel();
            _listener.Stop();
            if (_acceptLoop != null) await _acceptLoop.ConfigureAwait(false);

            var inFlight = Task.WhenAll(_connections.Values);
            if (await Task.WhenAny(inFlight, Task.Delay(_options.StopGracePeriod)).ConfigureAwait(false) != inFlight)
            {
                _abort.Cancel();
                if (await Task.WhenAny(inFlight, Task.Delay(AbortWait)).ConfigureAwait(false) != inFlight)
                {
                    foreach (var connection in _connections.Keys) connection.Abort();
                }
            }
            try
            {
                await inFlight.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Connections report their own failures; stopping only has to wait for them.
            }
            _events.Raise(IntegrationServerEventKind.Stopped, $"stopped {Url}; {GetStatistics()}");
            _completion.TrySetResult(true);
        }

        /// <summary>The URL a server with these options will have (before it binds; port 0 stays 0).</summary>
        public static Uri PlannedUrl(IntegrationServerOptions options)
        {
            var snapshot = options.Snapshot();
            return BuildUrl(new IPEndPoint(snapshot.BindAddress ?? IPAddress.Any, snapshot.Port), snapshot);
        }

        private static Uri BuildUrl(IPEndPoint endpoint, IntegrationServerOptions options)
        {
            var address = endpoint.Address;
            string host;
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) host = Dns.GetHostName();
            else if (address.AddressFamily == AddressFamily.InterNetworkV6) host = "[" + new IPAddress(address.GetAddressBytes()) + "]";
            else host = address.ToString();
            var scheme = options.Certificate != null ? "https" : "http";
            return new Uri($"{scheme}://{host}:{endpoint.Port}{options.Path ?? "/"}");
        }
    }
}
