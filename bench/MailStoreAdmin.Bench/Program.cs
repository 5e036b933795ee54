using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// BCL-only benchmark. Scenarios (pick any, default all):
    ///   streamed  GetUsers over N users through MsUserOperations.GetUsersAsync (streaming envelope reader)
    ///   naive     the same response read into one string and parsed with JsonDocument.Parse (for comparison)
    ///   detailed  GetUsersAsync -Detailed over M users with added GetUserInfo latency, for several throttle limits
    ///   tasks     requests (invoke + get-status) per long-running task of S seconds (TaskRequests.cs)
    ///   history   GetWorkerResults over 400 days from a server that fails above 5,000 rows (see HistoryBench)
    ///   sync      Sync-MsFolderPermission over N users x F folders with added latency on every call (SyncScenario.cs)
    /// The fake MailStore runs as a separate process so its allocations do not pollute the client's figures.
    /// </summary>
    public static class Program
    {
        private const string AdminUser = "admin";
        private const string AdminPassword = "Passw0rd!";

        public static async Task<int> Main(string[] args)
        {
            var options = BenchOptions.Parse(args);
            if (options == null) return 2;

            var fakeDll = options.FakeDll ?? LocateFakeDll();
            if (fakeDll == null || !File.Exists(fakeDll))
            {
                Console.Error.WriteLine("Cannot find MailStoreAdmin.FakeServers.dll; build it (dotnet build -c Release) or pass --fake-dll <path>.");
                return 2;
            }

            Console.WriteLine($"# MailStoreAdmin bench  {DateTime.Now:yyyy-MM-dd HH:mm}  .NET {Environment.Version}  " +
                              $"{Environment.ProcessorCount} cores  {(GCSettings.IsServerGC ? "server" : "workstation")} GC  " +
                              $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
            Console.WriteLine($"# fake server: {fakeDll}");

            if (options.Scenarios.Contains("streamed") || options.Scenarios.Contains("naive"))
            {
                await using var fake = await FakeProcess.StartAsync(fakeDll, $"--users {options.Users}");
                if (options.Scenarios.Contains("streamed")) await StreamedAsync(fake.Uri, options);
                if (options.Scenarios.Contains("naive")) await NaiveAsync(fake.Uri, options);
            }
            if (options.Scenarios.Contains("detailed"))
            {
                await using var fake = await FakeProcess.StartAsync(fakeDll,
                    $"--users {options.DetailedUsers} --latency-ms {options.LatencyMs}");
                await DetailedAsync(fake.Uri, options);
            }
            if (options.Scenarios.Contains("tasks")) await TaskRequests.RunAsync(fakeDll, options.TaskSeconds, Settings);
            if (options.Scenarios.Contains("history"))
            {
                await using var fake = await FakeProcess.StartAsync(fakeDll, $"--history-failure-threshold {options.HistoryThreshold} " +
                    $"--history-latency-ms {options.HistoryLatencyMs} --extra-profiles {options.HistoryProfiles}");
                await HistoryBench.RunAsync(Settings(fake.Uri), options.HistoryDays, options.HistoryThreshold, options.HistoryLatencyMs, options.HistoryProfiles);
            }
            if (options.Scenarios.Contains("sync")) await SyncScenario.RunAsync(fakeDll, options);
            if (options.Scenarios.Contains("spe"))
            {
                await using var fake = await FakeProcess.StartAsync(fakeDll,
                    $"--spe --spe-instances {options.SpeInstances} --users {options.SpeUsers} --invoke-latency-ms {options.SpeLatencyMs}");
                await SpeBench.RunAsync(fake.Uri, Settings(fake.Uri), options);
            }
            return 0;
        }

        internal static MsConnectionSettings Settings(Uri uri) =>
            new MsConnectionSettings(uri.ToString(), new NetworkCredential(AdminUser, AdminPassword))
            {
                AllowUnencryptedAuthentication = true,
            };

        // ---------------------------------------------------------------- scenario 1a: streamed

        private static async Task StreamedAsync(Uri uri, BenchOptions options)
        {
            using var connection = await MsConnection.ConnectAsync(Settings(uri), null, CancellationToken.None);

            async Task<(long Count, long Errors)> RunOnce()
            {
                var counter = new BenchContext();
                await MsUserOperations.GetUsersAsync(connection, null, false, 8, counter, CancellationToken.None);
                return (counter.Objects, counter.Errors);
            }

            for (int i = 0; i < options.Warmup; i++) await RunOnce();
            var runs = new List<Measurement>();
            long lastCount = 0, lastErrors = 0;
            for (int i = 0; i < options.Iterations; i++)
            {
                var m = await Measure.RunAsync(async () =>
                {
                    var (c, e) = await RunOnce();
                    lastCount = c;
                    lastErrors = e;
                });
                runs.Add(m);
            }
            Check(lastCount, options.Users, lastErrors);
            Report($"GetUsers {options.Users:N0} users, streamed", runs, lastCount);
        }

        // ---------------------------------------------------------------- scenario 1b: naive (buffer + DOM)

        private static async Task NaiveAsync(Uri uri, BenchOptions options)
        {
            using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = uri, Timeout = TimeSpan.FromMinutes(5) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(AdminUser + ":" + AdminPassword)));

            async Task<long> RunOnce()
            {
                using var content = new ByteArrayContent(Array.Empty<byte>());
                content.Headers.ContentLength = 0;
                using var response = await client.PostAsync("api/invoke/GetUsers", content);
                response.EnsureSuccessStatusCode();
                // The whole body as one string (ReadAsStringAsync drops the BOM), then one DOM over all of it.
                var text = await response.Content.ReadAsStringAsync();
                using var document = JsonDocument.Parse(text);
                long count = 0;
                foreach (var item in document.RootElement.GetProperty("result").EnumerateArray())
                {
                    // Touch each user as a consumer would (the streamed path builds an MsUser per item).
                    if (item.GetProperty("userName").GetString() != null) count++;
                }
                return count;
            }

            for (int i = 0; i < options.Warmup; i++) await RunOnce();
            var runs = new List<Measurement>();
            long lastCount = 0;
            for (int i = 0; i < options.Iterations; i++)
            {
                runs.Add(await Measure.RunAsync(async () => lastCount = await RunOnce()));
            }
            Check(lastCount, options.Users, 0);
            Report($"GetUsers {options.Users:N0} users, naive string+JsonDocument", runs, lastCount);
        }

        // ---------------------------------------------------------------- scenario 2: -Detailed with latency

        private static async Task DetailedAsync(Uri uri, BenchOptions options)
        {
            using var connection = await MsConnection.ConnectAsync(Settings(uri), null, CancellationToken.None);

            // Warm-up on user000000..user000099 (99 users) so JIT and connection setup stay out of the timings.
            await MsUserOperations.GetUsersAsync(connection, new Wildcard("user0000??"), true, 8, new BenchContext(), CancellationToken.None);

            foreach (var throttle in options.Throttles)
            {
                var counter = new BenchContext();
                var sw = Stopwatch.StartNew();
                await MsUserOperations.GetUsersAsync(connection, null, true, throttle, counter, CancellationToken.None);
                sw.Stop();
                var (count, errors, firstError) = (counter.Objects, counter.Errors, counter.FirstError);
                Check(count, options.DetailedUsers, errors);
                if (firstError != null) Console.Error.WriteLine($"  first error: {firstError.Message}");
                // One GetUsers call plus one GetUserInfo per user.
                var calls = count + errors + 1;
                var ideal = options.DetailedUsers * options.LatencyMs / 1000.0 / throttle;
                Console.WriteLine(
                    $"-Detailed {options.DetailedUsers:N0} users, {options.LatencyMs} ms latency, throttle {throttle,2}: " +
                    $"wall {sw.Elapsed.TotalSeconds,7:F2} s, {calls / sw.Elapsed.TotalSeconds,7:F1} calls/s, " +
                    $"{count:N0} users, {errors} errors (latency floor {ideal:F2} s)");
            }
        }

        // ---------------------------------------------------------------- helpers

        private static void Check(long count, int expected, long errors)
        {
            if (count != expected || errors != 0)
                Console.Error.WriteLine($"  WARNING: expected {expected:N0} users without errors, got {count:N0} and {errors} errors.");
        }

        private static void Report(string name, List<Measurement> runs, long count)
        {
            var wall = runs.Select(r => r.Wall.TotalMilliseconds).OrderBy(x => x).ToArray();
            var median = wall[wall.Length / 2];
            var alloc = runs.Select(r => r.AllocatedBytes).OrderBy(x => x).ToArray()[runs.Count / 2];
            var peak = runs.Max(r => r.PeakHeapDelta);
            Console.WriteLine(
                $"{name}: wall {median,8:F0} ms (median of {runs.Count}, min {wall[0]:F0}, max {wall[^1]:F0}), " +
                $"{count / (median / 1000.0),10:N0} users/s, allocated {Mb(alloc),7:F1} MB/run, " +
                $"peak heap +{Mb(peak),6:F1} MB, peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64),6:F1} MB (process)");
        }

        internal static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

        /// <summary>tests/MailStoreAdmin.FakeServers/bin/&lt;same configuration as the bench&gt;/net10.0/, found from here upwards.</summary>
        private static string? LocateFakeDll()
        {
            var baseDir = AppContext.BaseDirectory;
            var configuration = baseDir.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            for (var dir = new DirectoryInfo(baseDir); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "MailStoreAdmin.FakeServers", "bin", configuration, "net10.0",
                    "MailStoreAdmin.FakeServers.dll");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

    internal sealed record Measurement(TimeSpan Wall, long AllocatedBytes, long PeakHeapDelta);

    internal static class Measure
    {
        /// <summary>
        /// Wall time, bytes allocated by all threads of this process (GC.GetTotalAllocatedBytes(precise) delta) and
        /// the highest managed heap seen by a 10 ms sampler, above the heap after a full collection.
        /// </summary>
        public static async Task<Measurement> RunAsync(Func<Task> body)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            using var sampler = new HeapSampler(baseline);
            var allocated = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            await body();
            sw.Stop();
            var allocatedAfter = GC.GetTotalAllocatedBytes(true);
            var peak = sampler.Stop();
            return new Measurement(sw.Elapsed, allocatedAfter - allocated, Math.Max(0, peak - baseline));
        }
    }

    /// <summary>Samples GC.GetTotalMemory(false) every 10 ms on a dedicated thread and keeps the maximum.</summary>
    internal sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _max;

        public HeapSampler(long initial)
        {
            _max = initial;
            _thread = new Thread(Loop) { IsBackground = true, Name = "heap-sampler", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        private void Loop()
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(10);
            }
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }
        }

        public long Stop()
        {
            Sample();
            _stop = true;
            _thread.Join();
            return Interlocked.Read(ref _max);
        }

        public void Dispose()
        {
            if (!_stop) Stop();
        }
    }

    /// <summary>The fake MailStore as a child process: waits for READY, kills it (and its tree) at the end.</summary>
    internal sealed class FakeProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private FakeProcess(Process process, Uri uri)
        {
            _process = process;
            Uri = uri;
        }

        public Uri Uri { get; }

        public static async Task<FakeProcess> StartAsync(string dll, string arguments)
        {
            var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments} --watch-stdin")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrEmpty(e.Data)) Console.Error.WriteLine("  [fake] " + e.Data);
            };
            process.BeginErrorReadLine();
            try
            {
                Uri? uri = null;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                while (true)
                {
                    var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException($"The fake server exited (code {(process.HasExited ? process.ExitCode : -1)}) before READY.");
                    if (line.StartsWith("MAILSTORE_URI=", StringComparison.Ordinal)) uri = new Uri(line.Substring("MAILSTORE_URI=".Length));
                    else if (line == "READY") break;
                }
                if (uri == null) throw new InvalidOperationException("The fake server printed READY without MAILSTORE_URI.");
                // Keep draining stdout so the child never blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    try
                    {
                        while (await process.StandardOutput.ReadLineAsync() != null) { }
                    }
                    catch (Exception)
                    {
                        // The process went away; nothing to drain.
                    }
                });
                Console.WriteLine($"# fake started (pid {process.Id}, {arguments}) at {uri}");
                return new FakeProcess(process, uri);
            }
            catch
            {
                Kill(process);
                process.Dispose();
                throw;
            }
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        public async ValueTask DisposeAsync()
        {
            Kill(_process);
            try
            {
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
            catch (OperationCanceledException)
            {
            }
            _process.Dispose();
        }
    }

    internal sealed class BenchOptions
    {
        public HashSet<string> Scenarios { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public int Users { get; private set; } = 100_000;
        public int DetailedUsers { get; private set; } = 5_000;
        public int LatencyMs { get; private set; } = 20;
        public int[] Throttles { get; private set; } = { 1, 8, 16 };
        public int Iterations { get; private set; } = 3;
        public int Warmup { get; private set; } = 1;
        public string? FakeDll { get; private set; }
        public int TaskSeconds { get; private set; } = 60;

        private static readonly string[] Known = { "streamed", "naive", "detailed", "tasks", "history", "sync", "spe" };
        public int HistoryDays { get; private set; } = 400;
        public int HistoryThreshold { get; private set; } = 5_000;
        public int HistoryLatencyMs { get; private set; } = 5;
        public int HistoryProfiles { get; private set; } = 50;
        public int SyncUsers { get; private set; } = 2_000;
        public int SyncFolders { get; private set; } = 3;
        public int SyncLatencyMs { get; private set; } = 5;
        public int[] SyncThrottles { get; private set; } = { 8, 16 };
        public int SpeInstances { get; private set; } = 50;
        public int SpeUsers { get; private set; } = 200;
        public int SpeLatencyMs { get; private set; } = 5;
        public int[] SpeThrottles { get; private set; } = { 1, 4, 8, 16 };

        public static BenchOptions? Parse(string[] args)
        {
            var o = new BenchOptions();
            for (int i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
                switch (args[i].ToLowerInvariant())
                {
                    case "all": foreach (var k in Known) o.Scenarios.Add(k); break;
                    case "users": o.Scenarios.Add("streamed"); o.Scenarios.Add("naive"); break;
                    case "streamed":
                    case "naive":
                    case "detailed":
                    case "tasks":
                    case "history":
                    case "sync":
                    case "spe":
                        o.Scenarios.Add(args[i]); break;
                    case "--task-seconds": o.TaskSeconds = Math.Max(1, NextInt()); break;
                    case "--history-days": o.HistoryDays = NextInt(); break;
                    case "--history-threshold": o.HistoryThreshold = NextInt(); break;
                    case "--history-latency-ms": o.HistoryLatencyMs = NextInt(); break;
                    case "--history-profiles": o.HistoryProfiles = NextInt(); break;
                    case "--sync-users": o.SyncUsers = NextInt(); break;
                    case "--sync-folders": o.SyncFolders = NextInt(); break;
                    case "--sync-latency-ms": o.SyncLatencyMs = NextInt(); break;
                    case "--sync-throttle": o.SyncThrottles = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--spe-instances": o.SpeInstances = NextInt(); break;
                    case "--spe-users": o.SpeUsers = NextInt(); break;
                    case "--spe-latency-ms": o.SpeLatencyMs = NextInt(); break;
                    case "--spe-throttle": o.SpeThrottles = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--users": o.Users = NextInt(); break;
                    case "--detailed-users": o.DetailedUsers = NextInt(); break;
                    case "--latency-ms": o.LatencyMs = NextInt(); break;
                    case "--throttle": o.Throttles = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(); break;
                    case "--iterations": o.Iterations = Math.Max(1, NextInt()); break;
                    case "--warmup": o.Warmup = Math.Max(0, NextInt()); break;
                    case "--fake-dll": o.FakeDll = Next(); break;
                    case "-h":
                    case "--help":
                        Usage();
                        return null;
                    default:
                        Console.Error.WriteLine($"Unknown argument {args[i]}.");
                        Usage();
                        return null;
                }
            }
            if (o.Scenarios.Count == 0) foreach (var k in Known) o.Scenarios.Add(k);
            return o;
        }

        private static void Usage() => Console.Error.WriteLine(
            "usage: MailStoreAdmin.Bench [all|users|streamed|naive|detailed|tasks|history|sync|spe]... [--users N] [--detailed-users N] " +
            "[--latency-ms MS] [--throttle 1,8,16] [--iterations N] [--warmup N] [--fake-dll PATH] [--task-seconds S] " +
            "[--history-days N] [--history-threshold N] [--history-latency-ms MS] [--history-profiles N] " +
            "[--sync-users N] [--sync-folders N] [--sync-latency-ms MS] [--sync-throttle 8,16] " +
            "[--spe-instances N] [--spe-users N] [--spe-latency-ms MS] [--spe-throttle 1,4,8,16]");
    }
}
