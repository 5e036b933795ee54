using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// Scenario "history": Get-MsWorkerResult's read of a long range from a server that fails calls above a row
    /// threshold ("Nullable object must have a value."), with latency per call. Compares the module's reader (halving
    /// only where needed, then keeping the window that worked) with plain recursive halving from the whole range, and
    /// a second read on the same connection (remembered window). Calls and wall time per strategy.
    /// </summary>
    internal static class HistoryBench
    {
        public static async Task RunAsync(MsConnectionSettings settings, int days, int threshold, int latencyMs, int profiles)
        {
            var to = new DateTime(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
            var from = to.AddDays(-days);
            var label = $"{days} days, failure above {threshold:N0} rows, {latencyMs} ms latency, {profiles + 4} hourly/daily profiles";

            // Warm-up (JIT on both sides, connection setup) on a range small enough to need no split, and its own connection.
            using (var warm = await MsConnection.ConnectAsync(settings, null, CancellationToken.None))
            {
                await ModuleAsync(warm, to.AddDays(-2), to);
                await new NaiveHalving(warm).ReadAsync(to.AddDays(-2), to);
            }
            using (var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None))
            {
                var naive = new NaiveHalving(connection);
                var watch = Stopwatch.StartNew();
                await naive.ReadAsync(from, to);
                watch.Stop();
                Print("naive (halve from the whole range for every part; rows only counted)", label, naive.Rows, naive.Calls, naive.Failed, watch.Elapsed);
            }
            using (var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None))
            {
                var (rows, calls, split, elapsed) = await ModuleAsync(connection, from, to);
                Print("module (halve where needed, keep the window; typed rows)", label, rows, calls, split, elapsed);
                var second = await ModuleAsync(connection, from, to);
                Print("module, second read (remembered window)", label, second.Rows, second.Calls, second.Split, second.Elapsed);
                if (second.Rows != rows) Console.Error.WriteLine($"  row counts differ: {rows} vs {second.Rows}");
            }
        }

        private static async Task<(long Rows, int Calls, int Split, TimeSpan Elapsed)> ModuleAsync(MsConnection connection, DateTime from, DateTime to)
        {
            long rows = 0, errors = 0;
            var watch = Stopwatch.StartNew();
            var reader = await MsWorkerResultOperations.ReadAsync(connection, from, to, null, null, part => rows += part.Count,
                new BenchContext(_ => { }, _ => errors++), CancellationToken.None);
            watch.Stop();
            if (errors > 0) Console.Error.WriteLine($"  {errors} one-hour windows failed");
            return (rows, reader.Calls, reader.SplitCalls, watch.Elapsed);
        }

        private static void Print(string strategy, string label, long rows, int calls, int failed, TimeSpan elapsed) =>
            Console.WriteLine($"GetWorkerResults {label}, {strategy}: wall {elapsed.TotalSeconds,6:F2} s, {calls,4} calls " +
                              $"({failed} failed by the server), {rows:N0} rows, {rows / elapsed.TotalSeconds:N0} rows/s");

        /// <summary>What a script without memory does: every failing part is halved from its own size again.</summary>
        private sealed class NaiveHalving
        {
            private readonly MsConnection _connection;

            public NaiveHalving(MsConnection connection) => _connection = connection;

            public int Calls { get; private set; }
            public int Failed { get; private set; }
            public long Rows { get; private set; }

            public async Task ReadAsync(DateTime from, DateTime to)
            {
                Calls++;
                var rows = 0;
                try
                {
                    await _connection.InvokeAsync("GetWorkerResults", new[]
                    {
                        new KeyValuePair<string, object?>("fromIncluding", ServerTime.Format(from)),
                        new KeyValuePair<string, object?>("toExcluding", ServerTime.Format(to)),
                        new KeyValuePair<string, object?>("timeZoneID", ServerTime.UtcZoneId),
                    }, _ => rows++, null, CancellationToken.None).ConfigureAwait(false);
                    Rows += rows;
                }
                catch (MailStoreAdminException e) when (TimeRangeReader<MsWorkerResult>.IsRangeBug(e) && to - from > TimeSpan.FromHours(1))
                {
                    Failed++;
                    var middle = from + TimeSpan.FromSeconds(Math.Ceiling((to - from).TotalSeconds / 2));
                    await ReadAsync(from, middle).ConfigureAwait(false);
                    await ReadAsync(middle, to).ConfigureAwait(false);
                }
            }
        }
    }
}
