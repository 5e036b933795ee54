using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// Sync-MsFolderPermission (the core operation) over N users, each granted Read on F other users' archives, with
    /// the fake adding the same latency to every call. Per throttle limit, on a fresh fake: the applying run (reads +
    /// grants), then the idempotent second run (reads only). Each is compared with its latency bound,
    /// calls x latency / throttle; the calls are counted by the fake.
    /// </summary>
    internal static class SyncScenario
    {
        public static async Task RunAsync(string fakeDll, BenchOptions options)
        {
            var desired = new List<object?>();
            for (int i = 1; i <= options.SyncUsers; i++)
            {
                for (int f = 1; f <= options.SyncFolders; f++)
                {
                    desired.Add(new OrderedDictionary
                    {
                        ["UserName"] = $"user{i:D6}",
                        ["Folder"] = $"user{(i - 1 + f) % options.SyncUsers + 1:D6}",
                        ["Access"] = "Read",
                    });
                }
            }
            foreach (var throttle in options.SyncThrottles)
            {
                await using var fake = await FakeProcess.StartAsync(fakeDll,
                    $"--users {options.SyncUsers} --call-latency-ms {options.SyncLatencyMs}");
                using var connection = await MsConnection.ConnectAsync(Program.Settings(fake.Uri), null, CancellationToken.None);
                using var control = new HttpClient { BaseAddress = fake.Uri };
                var roundTrip = await CalibrateAsync(connection);
                Console.WriteLine($"  one call, sequential: {roundTrip:F1} ms (the {options.SyncLatencyMs} ms latency plus this machine's round trip)");
                await CountCallsAsync(control); // resets
                await RunOnceAsync(connection, control, desired, throttle, options, roundTrip, "apply");
                await RunOnceAsync(connection, control, desired, throttle, options, roundTrip, "second run");
            }
        }

        /// <summary>The mean time of one GetUserInfo at a time (after a warm-up), i.e. the latency a single caller sees.</summary>
        private static async Task<double> CalibrateAsync(MsConnection connection)
        {
            const int Calls = 100;
            for (int i = 1; i <= 10; i++) await MsUserOperations.GetUserAsync(connection, $"user{i:D6}", new BenchContext(), CancellationToken.None);
            var sw = Stopwatch.StartNew();
            for (int i = 1; i <= Calls; i++) await MsUserOperations.GetUserAsync(connection, $"user{i:D6}", new BenchContext(), CancellationToken.None);
            return sw.Elapsed.TotalMilliseconds / Calls;
        }

        private static async Task RunOnceAsync(MsConnection connection, HttpClient control, List<object?> desired, int throttle,
            BenchOptions options, double roundTripMs, string label)
        {
            long applied = 0, errors = 0, other = 0;
            var sink = new BenchContext(o =>
            {
                if (o is MsFolderPermissionChange { Status: MsChangeStatus.Applied }) Interlocked.Increment(ref applied);
                else Interlocked.Increment(ref other);
            }, _ => Interlocked.Increment(ref errors));
            var sw = Stopwatch.StartNew();
            await MsFolderPermissionOperations.SyncAsync(connection, desired, null, false, throttle, true, sink, CancellationToken.None);
            sw.Stop();
            var calls = await CountCallsAsync(control);
            var bound = calls * options.SyncLatencyMs / 1000.0 / throttle;
            var measuredBound = calls * roundTripMs / 1000.0 / throttle;
            Console.WriteLine(
                $"Sync-MsFolderPermission {options.SyncUsers:N0} users x {options.SyncFolders} folders, {options.SyncLatencyMs} ms latency, " +
                $"throttle {throttle,2}, {label,-10}: wall {sw.Elapsed.TotalSeconds,6:F2} s, {calls,5:N0} calls, " +
                $"{applied:N0} changes applied, {errors} errors; latency bound {bound:F2} s (wall/bound {sw.Elapsed.TotalSeconds / bound:F2}), " +
                $"bound with the measured round trip {measuredBound:F2} s (wall/bound {sw.Elapsed.TotalSeconds / measuredBound:F2})");
            if (errors != 0 || other != 0) Console.Error.WriteLine($"  WARNING: {errors} errors, {other} records not applied.");
        }

        /// <summary>The invokes the fake received since the last count (then forgets them).</summary>
        private static async Task<int> CountCallsAsync(HttpClient control)
        {
            var json = await control.GetStringAsync("_fake/calls");
            await control.GetStringAsync("_fake/reset");
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Count(c => c.GetProperty("Path").GetString()!.StartsWith("/api/invoke/", StringComparison.Ordinal));
        }
    }
}
