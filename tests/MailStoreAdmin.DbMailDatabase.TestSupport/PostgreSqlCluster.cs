using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace MailStoreAdmin.DbMailDatabase.TestSupport
{
    /// <summary>
    /// A private PostgreSQL server for one test run: initdb into a temp folder, pg_ctl start on a free loopback
    /// port (plus a Unix socket in the same folder), password authentication over TCP, and on Dispose an immediate
    /// stop and the folder deleted. Never touches a system cluster. When run as root, the server runs as the
    /// 'postgres' account via runuser (PostgreSQL refuses root).
    /// </summary>
    public sealed class PostgreSqlCluster : IDisposable
    {
        public const string SuperUser = "postgres";
        private const string ServiceAccount = "postgres";
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
        private static int _databaseCounter;

        private readonly PostgreSqlBinaries _binaries;
        private readonly string? _runAs;
        private bool _running;

        private PostgreSqlCluster(PostgreSqlBinaries binaries, string? runAs, string root)
        {
            _binaries = binaries;
            _runAs = runAs;
            Root = root;
            Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        }

        public string Root { get; }
        public string DataDirectory => Path.Combine(Root, "data");
        public string SocketDirectory => Root;
        public string LogFile => Path.Combine(Root, "server.log");
        public int Port { get; private set; }
        public string Password { get; }
        public TimeSpan StartupTime { get; private set; }

        /// <summary>Throws InvalidOperationException (with PostgreSqlBinaries.InstallHint) when PostgreSQL is missing.</summary>
        public static PostgreSqlCluster Start()
        {
            var clock = Stopwatch.StartNew();
            var binaries = PostgreSqlBinaries.Find();
            var runAs = Environment.UserName == "root" || IsRoot() ? ServiceAccount : null;
            var parent = runAs != null ? "/tmp" : Path.GetTempPath(); // /tmp is traversable by the service account
            var root = Path.Combine(parent, "msadmin-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(root);
            var cluster = new PostgreSqlCluster(binaries, runAs, root);
            try
            {
                cluster.InitDb();
                cluster.StartServer();
                cluster.StartupTime = clock.Elapsed;
                return cluster;
            }
            catch
            {
                cluster.Dispose();
                throw;
            }
        }

        /// <summary>Connection string for TCP with password, like a real deployment.</summary>
        public string ConnectionString(string database, string? password = null) =>
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = Port,
                Database = database,
                Username = SuperUser,
                Password = password ?? Password,
                Pooling = true,
            }.ConnectionString;

        /// <summary>A new empty database with a unique name; returns its connection string.</summary>
        public async Task<string> CreateDatabaseAsync(string namePrefix)
        {
            var name = $"{namePrefix}_{Interlocked.Increment(ref _databaseCounter)}_{Environment.ProcessId}".ToLowerInvariant();
            await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
                await command.ExecuteNonQueryAsync();
            }
            return ConnectionString(name);
        }

        public void Dispose()
        {
            if (_running)
            {
                try
                {
                    PgCtl("-D", DataDirectory, "-m", "immediate", "-w", "stop");
                }
                catch (Exception)
                {
                    // The folder is removed below either way; a leftover postmaster exits when its data goes.
                }
                _running = false;
            }
            NpgsqlConnection.ClearAllPools();
            try
            {
                if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private void InitDb()
        {
            if (_runAs != null) ProcessRunner.Run(null, "chown", new[] { _runAs, Root }, CommandTimeout);
            var passwordFile = Path.Combine(Root, "pwfile");
            File.WriteAllText(passwordFile, Password + "\n");
            if (_runAs != null) ProcessRunner.Run(null, "chown", new[] { _runAs, passwordFile }, CommandTimeout);
            ProcessRunner.Run(_runAs, _binaries.InitDb, new[]
            {
                "-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-E", "UTF8", "--no-locale",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions",
            }, CommandTimeout);
            File.Delete(passwordFile);
        }

        /// <summary>A free port can be taken between probing and binding, so a bind failure retries on another.</summary>
        private void StartServer()
        {
            for (var attempt = 1; ; attempt++)
            {
                Port = FreeLoopbackPort();
                var settings = $"-p {Port} -k {SocketDirectory} -c listen_addresses=127.0.0.1 " +
                               "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
                try
                {
                    PgCtl("-D", DataDirectory, "-l", LogFile, "-o", settings, "-w", "-t", "60", "start");
                    _running = true;
                    return;
                }
                catch (InvalidOperationException) when (attempt < 5 && ReadLog().Contains("could not bind", StringComparison.OrdinalIgnoreCase))
                {
                }
                catch (InvalidOperationException ex)
                {
                    throw new InvalidOperationException($"{ex.Message}\nServer log:\n{ReadLog()}", ex);
                }
            }
        }

        private void PgCtl(params string[] arguments) => ProcessRunner.Run(_runAs, _binaries.PgCtl, arguments, CommandTimeout);

        private string ReadLog()
        {
            try
            {
                return File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static bool IsRoot()
        {
            try
            {
                return ProcessRunner.Run(null, "id", new[] { "-u" }, TimeSpan.FromSeconds(10)).Trim() == "0";
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
