using System;
using System.IO;
using System.Linq;

namespace MailStoreAdmin.DbMailDatabase.TestSupport
{
    /// <summary>Finds initdb and pg_ctl: $PG_BIN if set (only there), else Debian's /usr/lib/postgresql/&lt;newest&gt;/bin, then PATH.</summary>
    public sealed class PostgreSqlBinaries
    {
        public const string InstallHint =
            "PostgreSQL server binaries (initdb, pg_ctl) were not found (looked in $PG_BIN, /usr/lib/postgresql/*/bin, PATH). Run tests/setup/install-postgresql.sh " +
            "(Debian/Ubuntu: installs the 'postgresql' package), or set PG_BIN to the folder holding initdb and pg_ctl.";

        private PostgreSqlBinaries(string folder)
        {
            InitDb = Path.Combine(folder, "initdb");
            PgCtl = Path.Combine(folder, "pg_ctl");
        }

        public string InitDb { get; }
        public string PgCtl { get; }

        public static PostgreSqlBinaries Find()
        {
            var folder = Candidates().FirstOrDefault(f => File.Exists(Path.Combine(f, "pg_ctl")) && File.Exists(Path.Combine(f, "initdb")));
            return folder != null ? new PostgreSqlBinaries(folder) : throw new InvalidOperationException(InstallHint);
        }

        private static System.Collections.Generic.IEnumerable<string> Candidates()
        {
            var explicitFolder = Environment.GetEnvironmentVariable("PG_BIN");
            if (!string.IsNullOrEmpty(explicitFolder))
            {
                yield return explicitFolder; // exclusive, so a wrong PG_BIN fails instead of silently using another
                yield break;
            }

            const string debianRoot = "/usr/lib/postgresql";
            if (Directory.Exists(debianRoot))
            {
                var versions = Directory.GetDirectories(debianRoot)
                    .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                    .OrderByDescending(v => v.Version);
                foreach (var version in versions) yield return Path.Combine(version.Folder, "bin");
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
                if (dir.Length > 0) yield return dir;
        }
    }
}
