using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Integration.Server;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>
    /// A running Application Integration server together with the source and log it owns: what
    /// Start-MsIntegrationServer -PassThru returns and Stop-MsIntegrationServer stops.
    /// </summary>
    public sealed class MsIntegrationServer : IDisposable
    {
        private static int _lastId;
        private readonly IntegrationServer _server;
        private readonly IDirectoryUserSource _source;
        private int _disposed;

        private MsIntegrationServer(IntegrationServer server, IDirectoryUserSource source, IntegrationLog log)
        {
            _server = server;
            _source = source;
            Log = log;
            Id = Interlocked.Increment(ref _lastId);
        }

        /// <summary>
        /// Lists the source's users once (a wrong connection string or file fails here, not at MailStore's first
        /// sync), then serves. Takes ownership of the source and the log: on failure both are disposed.
        /// </summary>
        public static async Task<MsIntegrationServer> StartAsync(IntegrationServerOptions options, IDirectoryUserSource source, IntegrationLog log,
            CancellationToken cancellationToken)
        {
            try
            {
                var users = await source.ListUsersAsync(cancellationToken).ConfigureAwait(false);
                log.OnEvent(new IntegrationServerEvent(IntegrationServerEventKind.Started, $"{source.Description} lists {users.Count} users."));
                var server = IntegrationServer.Start(options, source, log);
                return new MsIntegrationServer(server, source, log);
            }
            catch
            {
                log.Dispose();
                source.Dispose();
                throw;
            }
        }

        public int Id { get; }

        /// <summary>The address to enter in MailStore (Directory Services, Application Integration, URL).</summary>
        public Uri Url => _server.Url;

        public string Source => _server.SourceDescription;
        public bool IsRunning => _server.IsRunning;
        public IntegrationServerStatistics Statistics => _server.GetStatistics();
        public long RequestsServed => Statistics.RequestsServed;
        public long Failures => Statistics.Failures;
        public string? LogPath => Log.FilePath;
        public IReadOnlyList<string> RecentLog => Log.Recent();

        internal IntegrationLog Log { get; }

        /// <summary>Completes when the server stops; faults if its listener dies.</summary>
        public Task Completion => _server.Completion;

        public async Task StopAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            try
            {
                await _server.StopAsync().ConfigureAwait(false);
            }
            finally
            {
                _source.Dispose();
                Log.Dispose();
            }
        }

        public void Dispose() => StopAsync().GetAwaiter().GetResult();

        public override string ToString() => $"{Id}: {Url} ({Source})";
    }
}
