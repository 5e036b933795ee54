using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// A server-side task: started by an invoke that answered "running", followed by long-polling its token.
    /// Returned by -NoWait so it can be waited on (Wait-MsTask) or stopped (Stop-MsTask) later.
    /// </summary>
    public sealed class MsTask
    {
        private const int MaxLogLines = 10_000;
        private readonly List<string> _log = new List<string>();
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private string _pendingLogFragment = string.Empty;
        private readonly object _gate = new object();

        internal MsTask(MsConnection connection, string function, object? target)
        {
            Connection = connection;
            Function = function;
            Target = target;
            StartTime = DateTime.Now;
        }

        public MsConnection Connection { get; }
        public string Function { get; }

        /// <summary>What the task works on (a store id, a user name), for messages and error targets.</summary>
        public object? Target { get; }

        public string? Token { get; internal set; }
        public DateTime StartTime { get; }
        public string StatusCode { get; internal set; } = MsStatusCodes.Running;
        public long StatusVersion { get; internal set; }
        public int? PercentProgress { get; internal set; }
        public string? StatusText { get; internal set; }
        public bool IsCompleted => StatusCode != MsStatusCodes.Running;
        public bool CancelRequested { get; internal set; }
        public int ResultCount { get; internal set; }
        public TimeSpan Elapsed => _stopwatch.Elapsed;
        internal MsApiError? Error { get; set; }
        internal IReadOnlyList<string> Secrets { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> Log
        {
            get
            {
                lock (_gate) return _log.ToArray();
            }
        }

        /// <summary>Applies one envelope and returns the log lines it adds.</summary>
        internal IReadOnlyList<string> Apply(MsEnvelope envelope)
        {
            StatusVersion = envelope.StatusVersion;
            StatusCode = envelope.StatusCode ?? (envelope.Error != null ? MsStatusCodes.Failed : MsStatusCodes.Succeeded);
            PercentProgress = envelope.PercentProgress;
            StatusText = envelope.StatusText;
            if (!string.IsNullOrEmpty(envelope.Token)) Token = envelope.Token;
            if (envelope.Error != null) Error = envelope.Error;
            ResultCount += envelope.ResultCount;
            if (IsCompleted) _stopwatch.Stop();
            return AppendLog(envelope.LogOutput);
        }

        private IReadOnlyList<string> AppendLog(string? output)
        {
            if (string.IsNullOrEmpty(output) && (!IsCompleted || _pendingLogFragment.Length == 0)) return Array.Empty<string>();
            // logOutput carries the text added since the previous status; a line may be split across two.
            var text = _pendingLogFragment + (output ?? string.Empty);
            var parts = text.Replace("\r\n", "\n").Split('\n');
            _pendingLogFragment = IsCompleted ? string.Empty : parts[parts.Length - 1];
            var count = IsCompleted ? parts.Length : parts.Length - 1;
            var lines = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                var line = parts[i].TrimEnd();
                if (line.Length > 0) lines.Add(line);
            }
            lock (_gate)
            {
                _log.AddRange(lines);
                if (_log.Count > MaxLogLines) _log.RemoveRange(0, _log.Count - MaxLogLines);
            }
            return lines;
        }

        public override string ToString() => $"{Function} [{StatusCode}{(PercentProgress.HasValue ? " " + PercentProgress + "%" : string.Empty)}]";
    }
}
