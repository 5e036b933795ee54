using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.DbMailDatabase.Bench
{
    /// <summary>Timing helpers: repeated runs with allocation counts, and call rates for N concurrent callers.</summary>
    internal static class Measure
    {
        public sealed record RunFigures(double MedianMs, double MinMs, double MaxMs, double AllocatedMb);

        public static async Task<RunFigures> RepeatAsync(int warmup, int runs, Func<Task> action)
        {
            for (var i = 0; i < warmup; i++) await action();
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetTotalAllocatedBytes(true);
                var clock = Stopwatch.StartNew();
                await action();
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated += GC.GetTotalAllocatedBytes(true) - before;
            }
            times.Sort();
            return new RunFigures(times[times.Count / 2], times[0], times[^1], allocated / (double)runs / (1024 * 1024));
        }

        /// <summary>Each caller loops until the duration is over; returns completed calls per second.</summary>
        public static async Task<double> RateAsync(int callers, TimeSpan duration, Func<Task<bool>> call)
        {
            for (var i = 0; i < Math.Max(2, callers); i++)
                if (!await call()) throw new InvalidOperationException("The benchmarked call returned false during warm-up.");
            long completed = 0;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    if (!await call()) throw new InvalidOperationException("The benchmarked call returned false.");
                    Interlocked.Increment(ref completed);
                }
            })).ToArray();
            await Task.WhenAll(workers);
            return completed / clock.Elapsed.TotalSeconds;
        }
    }
}
