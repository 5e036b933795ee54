using MailStoreAdmin.Core.Integration.Sources;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Server;
using MailStoreAdmin.DbMailDatabase.Dialects;
using MailStoreAdmin.DbMailDatabase.TestSupport;

namespace MailStoreAdmin.DbMailDatabase.Bench
{
    /// <summary>
    /// Seeds N dbmail users (1-3 aliases each, every 10th with an alias of an alias) into a throwaway PostgreSQL,
    /// then measures DbMailUserSource.ListUsersAsync and AuthenticateAsync directly and through the integration
    /// server over loopback HTTP. Usage: [--users N] [--seconds S] [--no-http]
    /// </summary>
    public static class Program
    {
        private const string Password = "testpass";
        private const string Sha256 = "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c";
        private const string Sha512Crypt = "$6$saltsalt$UUTr6oVJTBk4azi0BmGqXvVgtbeWdSGG0b.P4dfxLVqqVmSL7RQXfoGFlx0.Jkt3Q2nsKyrc.M/cKE2XOCLN70";
        private const string CallerUser = "mailstore";
        private const string CallerPassword = "bench-caller-pass";

        public static async Task<int> Main(string[] args)
        {
            var users = IntArg(args, "--users", 50_000);
            var seconds = IntArg(args, "--seconds", 5);
            var http = !args.Contains("--no-http");
            var duration = TimeSpan.FromSeconds(seconds);

            Console.WriteLine($"# dbmail bench  {DateTime.Now:yyyy-MM-dd HH:mm}  .NET {Environment.Version}  {Environment.ProcessorCount} cores  " +
                              $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC  {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

            using var cluster = PostgreSqlCluster.Start();
            Console.WriteLine($"cluster start (initdb + pg_ctl start): {cluster.StartupTime.TotalMilliseconds:F0} ms");
            var connectionString = await cluster.CreateDatabaseAsync("dbmail_bench");
            await DbMailPostgreSqlSchema.CreateAsync(connectionString);
            var seedClock = Stopwatch.StartNew();
            var aliasCount = await SeedAsync(connectionString, users);
            Console.WriteLine($"seeded {users:N0} users, {aliasCount:N0} aliases (COPY): {seedClock.ElapsedMilliseconds} ms");

            using var source = new DbMailUserSource(new DbMailDatabaseOptions { ConnectionString = connectionString }, PostgreSqlDialect.Instance);
            await DirectAsync(source, users, duration);
            if (http) await OverHttpAsync(source, users, duration);
            Console.WriteLine($"peak working set (process): {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
            return 0;
        }

        private static async Task DirectAsync(IDirectoryUserSource source, int users, TimeSpan duration)
        {
            IReadOnlyList<DirectoryUser>? listed = null;
            var list = await Measure.RepeatAsync(1, 5, async () => listed = await source.ListUsersAsync(CancellationToken.None));
            if (listed!.Count != users) throw new InvalidOperationException($"Listed {listed.Count} users, expected {users}.");
            Console.WriteLine($"direct ListUsersAsync: {Fmt(list)}; {listed.Count:N0} users, {listed.Sum(u => u.EmailAddresses.Count):N0} addresses");

            foreach (var (label, user) in AuthUsers())
                foreach (var callers in new[] { 1, 8 })
                {
                    var rate = await Measure.RateAsync(callers, duration, () => source.AuthenticateAsync(user, Password, CancellationToken.None));
                    Console.WriteLine($"direct AuthenticateAsync {label}, {callers} caller(s): {rate:N0} calls/s");
                }
        }

        private static async Task OverHttpAsync(IDirectoryUserSource source, int users, TimeSpan duration)
        {
            using var server = IntegrationServer.Start(new IntegrationServerOptions
            {
                Port = 0,
                CallerCredential = new NetworkCredential(CallerUser, CallerPassword),
            }, source);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = server.Url };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(CallerUser + ":" + CallerPassword)));

            long bodyBytes = 0;
            var list = await Measure.RepeatAsync(1, 5, async () =>
            {
                var body = await PostAsync(client, ("cmd", "list"));
                bodyBytes = body.Length;
            });
            Console.WriteLine($"http cmd=list: {Fmt(list)}; body {bodyBytes / 1024.0 / 1024.0:F1} MB for {users:N0} users");

            foreach (var (label, user) in AuthUsers())
                foreach (var callers in new[] { 1, 8 })
                {
                    var rate = await Measure.RateAsync(callers, duration, async () =>
                        Encoding.UTF8.GetString(await PostAsync(client, ("cmd", "auth"), ("user", user), ("pass", Password))) == "{\"succeeded\":true}");
                    Console.WriteLine($"http cmd=auth {label}, {callers} caller(s): {rate:N0} req/s");
                }
        }

        private static async Task<byte[]> PostAsync(HttpClient client, params (string Name, string Value)[] fields)
        {
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
            using var response = await client.PostAsync("", content);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync();
        }

        /// <summary>Even users carry a sha256 hash, odd ones a $6$ crypt; login names are typed in upper case to exercise lower().</summary>
        private static IEnumerable<(string Label, string User)> AuthUsers() => new[]
        {
            ("sha256", "USER000100"),
            ("$6$ crypt (5000 rounds)", "USER000101"),
        };

        private static async Task<int> SeedAsync(string connectionString, int count)
        {
            const long firstId = 1000; // the three built-in accounts hold the sequence's first ids
            var users = Enumerable.Range(0, count).Select(i =>
                (firstId + i, $"user{i:D6}", i % 2 == 0 ? Sha256 : Sha512Crypt, i % 2 == 0 ? "sha256" : "crypt")).ToList();
            var aliases = new List<(string, string)>();
            foreach (var (id, userId, _, _) in users)
            {
                var own = (int)(id % 3) + 1;
                for (var k = 0; k < own; k++) aliases.Add(($"{userId}.{k}@example.com", id.ToString(CultureInfo.InvariantCulture)));
                if (id % 10 == 0) aliases.Add(($"team-{userId}@example.com", $"{userId}.0@example.com"));
            }
            await new DbMailSeeder(connectionString).BulkLoadAsync(users, aliases);
            return aliases.Count;
        }

        private static string Fmt(Measure.RunFigures f) =>
            $"median {f.MedianMs:F0} ms (min {f.MinMs:F0}, max {f.MaxMs:F0}), allocated {f.AllocatedMb:F1} MB/run";

        private static int IntArg(string[] args, string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
