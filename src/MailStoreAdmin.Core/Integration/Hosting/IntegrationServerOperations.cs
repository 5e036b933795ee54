using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Integration.Server;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>Start-, Stop- and Get-MsIntegrationServer.</summary>
    public static class IntegrationServerOperations
    {
        /// <summary>
        /// Checks the options, asks ShouldProcess, opens the log, creates the source (handing it the log's warning
        /// sink), lists its users once and starts serving. In the background (<paramref name="background"/>) the
        /// server is registered and written; in the foreground it serves until <paramref name="cancellationToken"/>
        /// (Ctrl+C) or a listener failure, with every log line as a verbose line and every source warning as a
        /// warning, then stops. Whatever was opened is closed again when a step fails.
        /// </summary>
        public static async Task StartAsync(IntegrationServerOptions options, string? logPath, Func<Action<string>, IDirectoryUserSource> createSource,
            bool background, OperationContext context, CancellationToken cancellationToken)
        {
            options.Validate();
            if (!context.ShouldProcess(IntegrationServer.PlannedUrl(options).ToString(), "Start the MailStore integration server")) return;

            var log = new IntegrationLog(logPath) { WarningListener = message => context.Log(LogLevel.Warning, message) };
            if (!background) log.LineListener = line => context.Log(LogLevel.Verbose, line);
            IDirectoryUserSource source;
            try
            {
                source = createSource(log.Warn);
            }
            catch
            {
                log.Dispose();
                throw;
            }
            var server = await MsIntegrationServer.StartAsync(options, source, log, cancellationToken).ConfigureAwait(false);
            IntegrationServerRegistry.Add(server);
            context.Log(LogLevel.Information, $"MailStore integration server {server.Id} listening on {server.Url} ({server.Source}).");
            if (background)
            {
                // Nobody is left to show warnings once this cmdlet returns: they go to the log (file and RecentLog).
                log.WarningListener = null;
                context.WriteObject(server);
                return;
            }
            try
            {
                var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(() => stopped.TrySetResult(true)))
                {
                    await Task.WhenAny(server.Completion, stopped.Task).ConfigureAwait(false);
                }
                // The listener died: its fault is the error. Otherwise Ctrl+C: stop below and end as stopped.
                if (server.Completion.IsCompleted) await server.Completion.ConfigureAwait(false);
                else cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                await server.StopAsync().ConfigureAwait(false);
                IntegrationServerRegistry.Remove(server);
                log.LineListener = null;
                log.WarningListener = null;
            }
        }

        /// <summary>Stop-MsIntegrationServer: the given servers, or every running one.</summary>
        public static async Task StopAsync(IReadOnlyList<MsIntegrationServer>? servers, OperationContext context)
        {
            foreach (var server in servers ?? IntegrationServerRegistry.All)
            {
                if (!context.ShouldProcess(server.ToString(), "Stop")) continue;
                await server.StopAsync().ConfigureAwait(false);
                IntegrationServerRegistry.Remove(server);
                context.Log(LogLevel.Verbose, $"Stopped integration server {server.Id} at {server.Url}.");
            }
        }

        /// <summary>Get-MsIntegrationServer: the running servers, or those with the given ids.</summary>
        public static Task GetAsync(IReadOnlyCollection<int>? ids, OperationContext context)
        {
            foreach (var server in IntegrationServerRegistry.All.Where(s => ids == null || ids.Contains(s.Id))) context.WriteObject(server);
            return Task.CompletedTask;
        }
    }
}
