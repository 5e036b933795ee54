using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// `Get-MsInstance | Get-MsUser` as the module runs it: GetInstances, then one GetUsers per instance through the
    /// fan-out (FanOutRunner over a PipelinePump, the calling thread consuming the output like PowerShell's pipeline
    /// thread), each instance in its own scope. The fake adds a fixed latency to every invoke, so the lower bound is
    /// latency x (1 + ceil(instances / throttle)).
    /// </summary>
    internal static class SpeBench
    {
        public static async Task RunAsync(Uri uri, MsConnectionSettings settings, BenchOptions options)
        {
            using var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None);
            if (!connection.ServiceProvider) throw new InvalidOperationException("The fake did not answer as SPE.");
            var expected = (long)options.SpeInstances * options.SpeUsers;
            Run(connection, 4, expected); // warm-up: JIT, connection pool
            foreach (var throttle in options.SpeThrottles)
            {
                var times = new List<double>();
                long users = 0, errors = 0;
                for (int i = 0; i < options.Iterations; i++)
                {
                    var sw = Stopwatch.StartNew();
                    (users, errors) = Run(connection, throttle, expected);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                var bound = options.SpeLatencyMs * (1 + Math.Ceiling(options.SpeInstances / (double)throttle));
                Console.WriteLine(
                    $"Get-MsInstance | Get-MsUser, {options.SpeInstances} instances x {options.SpeUsers} users, {options.SpeLatencyMs} ms latency, " +
                    $"throttle {throttle,2}: median {times[times.Count / 2],7:F1} ms (min {times[0]:F1}, max {times[^1]:F1}), " +
                    $"latency bound {bound:F0} ms, {users:N0} users, {errors} errors");
            }
        }

        private static (long Users, long Errors) Run(MsConnection connection, int throttle, long expected)
        {
            long users = 0, errors = 0;
            var instances = MsInstanceOperations.ListAsync(connection, OperationContext.None, CancellationToken.None).GetAwaiter().GetResult();
            // Results travel through the pump and are counted on this thread, as PowerShell writes them.
            using (var pump = PipelinePump.Open(_ => users++, CancellationToken.None))
            {
                var pumped = new BenchContext(pump.WriteObject, e => pump.Post(() => errors++));
                var runner = new FanOutRunner(pump, throttle);
                foreach (var instance in instances)
                {
                    var id = instance.InstanceId!;
                    runner.Add(token => MsInstanceScope.RunAsync(connection, id,
                        (c, ctx, t) => MsUserOperations.GetUsersAsync(c, null, false, 1, ctx, t), pumped, token));
                }
                runner.Complete();
            }
            if (users != expected || errors != 0) Console.Error.WriteLine($"  WARNING: expected {expected:N0} users, got {users:N0} and {errors} errors.");
            return (users, errors);
        }
    }
}
