using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// Scenario "tasks": how many requests one long-running task costs (the invoke plus get-status polls) through
    /// MsTaskOperations.RunAsync. A task that reports nothing until it ends must cost one get-status per long-poll
    /// timeout (the server holds each poll until the timeout or a change), never one per timer tick; a task that
    /// reports every second costs one poll per report, the least that shows each of them.
    /// </summary>
    internal static class TaskRequests
    {
        public static async Task RunAsync(string fakeDll, int seconds, Func<Uri, MsConnectionSettings> settings)
        {
            var cases = new (string Name, int Steps, int StatusWaitMs)[]
            {
                ("silent until the end, long-poll 5 s (default)", 1, 5000),
                ("silent until the end, long-poll 20 s", 1, 20000),
                ("a status change every second, long-poll 5 s", seconds, 5000),
            };
            foreach (var (name, steps, waitMs) in cases)
            {
                var stepMs = seconds * 1000 / steps;
                await using var fake = await FakeProcess.StartAsync(fakeDll, $"--maintenance-steps {steps} --maintenance-step-ms {stepMs}");
                var connectionSettings = settings(fake.Uri);
                connectionSettings.StatusWaitMilliseconds = waitMs;
                using var connection = await MsConnection.ConnectAsync(connectionSettings, null, CancellationToken.None);
                var before = await CountAsync(fake.Uri);
                var context = new BenchContext(_ => { }, e => Console.Error.WriteLine("  error: " + e.Message));
                var sw = Stopwatch.StartNew();
                await MsMaintenanceOperations.CompactMasterDatabaseAsync(connection, false, context, CancellationToken.None);
                sw.Stop();
                var after = await CountAsync(fake.Uri);
                int invokes = after.Invokes - before.Invokes, polls = after.Polls - before.Polls;
                // Silent: one poll per long-poll timeout (the last one sees the end); reporting: one per change.
                var floor = steps == 1 ? (int)Math.Ceiling(seconds * 1000.0 / waitMs) : steps;
                Console.WriteLine($"{seconds} s task, {name}: wall {sw.Elapsed.TotalSeconds:F1} s, {invokes} invoke + {polls} get-status = " +
                    $"{invokes + polls} requests, {context.Statuses} statuses reported (long-poll floor {floor} polls; a 1 s timer would send {(int)sw.Elapsed.TotalSeconds})");
            }
        }

        /// <summary>The invokes and get-status requests the fake has recorded (its /_fake/calls control page).</summary>
        private static async Task<(int Invokes, int Polls)> CountAsync(Uri uri)
        {
            using var client = new HttpClient();
            var json = await client.GetStringAsync(new Uri(uri, "_fake/calls"));
            using var document = JsonDocument.Parse(json);
            var paths = document.RootElement.EnumerateArray().Select(c => c.GetProperty("Path").GetString() ?? "").ToList();
            return (paths.Count(p => p.StartsWith("/api/invoke/", StringComparison.Ordinal)), paths.Count(p => p == "/api/get-status"));
        }
    }
}
