using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration.Server;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>
    /// Where a running server's log lines go: an optional append-only file, a queue the foreground cmdlet drains to
    /// the verbose stream, and the most recent lines for Get-MsIntegrationServer. Lines never hold passwords (the
    /// server's records leave them out). Thread-safe: the server logs from pool threads.
    /// </summary>
    public sealed class IntegrationLog : IntegrationServerLogger, IDisposable
    {
        public const int RecentCapacity = 500;
        private readonly object _fileLock = new object();
        private readonly StreamWriter? _file;
        private readonly ConcurrentQueue<string> _pending = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
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

        /// <summary>Set by a foreground cmdlet: lines are also queued for it to write as verbose records.</summary>
        public bool QueueForPipeline { get; set; }

        public override void OnRequest(IntegrationRequestRecord record) => Write(record.ToString());

        public override void OnEvent(IntegrationServerEvent serverEvent) => Write(serverEvent.ToString());

        /// <summary>A source's own warning (such as a password scheme it cannot check), in the same log.</summary>
        public void Warn(string message)
        {
            _warnings.Enqueue(message);
            Write($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} WARNING {message}");
        }

        /// <summary>Warnings not yet shown, for the cmdlet to write as warning records.</summary>
        public bool TryDequeueWarning(out string message) => _warnings.TryDequeue(out message!);

        public bool TryDequeue(out string line) => _pending.TryDequeue(out line!);

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
            if (QueueForPipeline) _pending.Enqueue(line);
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
