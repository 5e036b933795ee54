using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MailStoreAdmin.DbMailDatabase.TestSupport
{
    /// <summary>Runs a command to completion, optionally as another Unix user (PostgreSQL refuses to run as root).</summary>
    internal static class ProcessRunner
    {
        public static string Run(string? runAsUser, string fileName, IEnumerable<string> arguments, TimeSpan timeout)
        {
            var start = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (runAsUser != null)
            {
                start.FileName = "runuser";
                foreach (var a in new[] { "-u", runAsUser, "--", fileName }) start.ArgumentList.Add(a);
            }
            else
            {
                start.FileName = fileName;
            }
            foreach (var a in arguments) start.ArgumentList.Add(a);
            // Predictable messages and no inherited PG* settings pointing at some other server.
            start.Environment["LC_ALL"] = "C";
            foreach (var name in new[] { "PGHOST", "PGPORT", "PGDATA", "PGUSER", "PGPASSWORD", "PGDATABASE" })
                start.Environment.Remove(name);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} did not finish within {timeout.TotalSeconds} s.");
            }
            process.WaitForExit();
            var output = stdout.Result + stderr.Result;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{fileName} {string.Join(" ", arguments)} exited with {process.ExitCode}: {output}");
            return output;
        }
    }
}
