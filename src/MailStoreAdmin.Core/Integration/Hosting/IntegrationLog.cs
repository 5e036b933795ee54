using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration.Server;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>
    /// Where a running server's log lines go: an optional append-only file, the most recent lines for
    /// Get-MsIntegrationServer, and, while someone listens (the foreground cmdlet), that listener. Lines never hold
    /// passwords (the server's records leave them out). Thread-safe: the server logs from pool threads.
    /// </summary>
    public sealed class IntegrationLog : IntegrationServerLogger, IDisposable
    {
        public const int RecentCapacity = 500;
        private readonly object _fileLock = new object();
        private readonly StreamWriter? _file;
        private readonly Queue<string> _recent = new Queue<string>();

        public IntegrationLog(string? filePath)
        {
            FilePath = filePath;
            if (filePath == null) return;
            try
            {
                var stream = new FileStream(filePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
                _file = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "IntegrationLogFileUnavailable",
                    $"Cannot write the log file '{filePath}': {e.Message}", filePath, e);
            }
        }

        public string? FilePath { get; }

        /// <summary>Receives every line as it is logged (the foreground cmdlet's verbose stream); null: nobody.</summary>
        public Action<string>? LineListener { get; set; }

        /// <summary>Receives sources' warnings as they happen (the cmdlet's warning stream); null: nobody.</summary>
        public Action<string>? WarningListener { get; set; }

        public override void OnRequest(IntegrationRequestRecord record) => Write(record.ToString());

        public override void OnEvent(IntegrationServerEvent serverEvent) => Write(serverEvent.ToString());

        /// <summary>A source's own warning (such as a password scheme it cannot check), in the same log.</summary>
        public void Warn(string message)
        {
            WarningListener?.Invoke(message);
            Write($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} WARNING {message}");
        }

        public IReadOnlyList<string> Recent()
        {
            lock (_recent) return _recent.ToArray();
        }

        private void Write(string line)
        {
            lock (_recent)
            {
                _recent.Enqueue(line);
                while (_recent.Count > RecentCapacity) _recent.Dequeue();
            }
            LineListener?.Invoke(line);
            if (_file == null) return;
            lock (_fileLock)
            {
                try
                {
                    _file.WriteLine(line);
                }
                catch (IOException)
                {
                    // A full disk must not stop MailStore's logins; the recent lines stay available.
                }
            }
        }

        public void Dispose()
        {
            lock (_fileLock) _file?.Dispose();
        }
    }
}
