using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// What asynchronous work may do to the pipeline, from any thread: every call is queued to the pipeline thread.
    /// It is also the core's OperationContext: log events become Verbose/Debug records, task statuses a progress bar
    /// (throttled to a few updates a second), and new task log lines Information records tagged "MailStoreLog".
    /// </summary>
    public sealed class CmdletContext : OperationContext
    {
        private static readonly string[] HostTags = { "PSHOST" };
        private static int _lastActivityId;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
        private readonly PSCmdlet _cmdlet;
        private readonly PipelinePump _pump;
        private readonly bool _debugEnabled;
        private readonly bool _verboseEnabled;
        private readonly Dictionary<MsTask, ProgressState> _progress = new Dictionary<MsTask, ProgressState>();

        internal CmdletContext(PSCmdlet cmdlet, PipelinePump pump, bool debugEnabled, bool verboseEnabled)
        {
            _verboseEnabled = verboseEnabled;
            _cmdlet = cmdlet;
            _pump = pump;
            _debugEnabled = debugEnabled;
        }

        public override bool IsDebugEnabled => _debugEnabled;

        public override void WriteObject(object? value) => _pump.WriteObject(value);

        public override void WriteError(MailStoreAdminException error) => _pump.Post(() => _cmdlet.WriteError(ErrorRecords.From(error)));

        public override bool ShouldProcess(string target, string action) => _pump.Invoke(() => _cmdlet.ShouldProcess(target, action));

        public override void Log(LogLevel level, string message)
        {
            switch (level)
            {
                case LogLevel.Debug:
                    if (_debugEnabled) _pump.Post(() => _cmdlet.WriteDebug(message));
                    break;
                case LogLevel.Warning:
                    _pump.Post(() => _cmdlet.WriteWarning(message));
                    break;
                case LogLevel.Information:
                    _pump.Post(() => _cmdlet.WriteInformation(new HostInformationMessage { Message = message }, HostTags));
                    break;
                default:
                    if (_verboseEnabled) _pump.Post(() => _cmdlet.WriteVerbose(message));
                    break;
            }
        }

        public override void OnTaskStatus(MsTaskStatus status)
        {
            if (status.NewLogLines.Count > 0)
            {
                // One hand-over per status, with one tag array for all its lines.
                var lines = status.NewLogLines;
                var tags = new[] { "MailStoreLog", status.Task.Function };
                _pump.Post(() =>
                {
                    foreach (var line in lines) _cmdlet.WriteInformation(line, tags);
                });
            }

            ProgressState state;
            lock (_progress)
            {
                if (!_progress.TryGetValue(status.Task, out state!))
                {
                    state = new ProgressState(Interlocked.Increment(ref _lastActivityId), Describe(status.Task));
                    _progress[status.Task] = state;
                }
                if (!status.IsFinal && state.SinceLastWrite.Elapsed < ProgressInterval && state.Written) return;
                state.SinceLastWrite.Restart();
                state.Written = true;
                if (status.IsFinal) _progress.Remove(status.Task);
            }
            var record = new ProgressRecord(state.ActivityId, state.Activity,
                string.IsNullOrEmpty(status.StatusText) ? Describe(status) : status.StatusText)
            {
                PercentComplete = status.PercentProgress ?? -1,
                RecordType = status.IsFinal ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            _pump.Post(() => _cmdlet.WriteProgress(record));
        }

        /// <summary>Ends any progress bar a stopped or failed task left open (called on the pipeline thread).</summary>
        internal void CompleteProgress()
        {
            List<ProgressState> open;
            lock (_progress)
            {
                open = new List<ProgressState>(_progress.Values);
                _progress.Clear();
            }
            foreach (var state in open)
            {
                try
                {
                    _cmdlet.WriteProgress(new ProgressRecord(state.ActivityId, state.Activity, "Stopped") { RecordType = ProgressRecordType.Completed });
                }
                catch (PipelineStoppedException)
                {
                    // Nothing more can be written once the pipeline stops.
                }
            }
        }

        private static string Describe(MsTask task)
        {
            // Fan-out runs the same task in several SPE instances: each progress bar names its instance.
            var where = task.Connection.InstanceId == null ? string.Empty : $" in {task.Connection.InstanceId}";
            return task.Target == null ? $"MailStore {task.Function}{where}" : $"MailStore {task.Function} ({task.Target}){where}";
        }

        private static string Describe(MsTaskStatus status) =>
            status.PercentProgress.HasValue ? $"{status.StatusCode} {status.PercentProgress}%" : status.StatusCode;

        private sealed class ProgressState
        {
            public ProgressState(int activityId, string activity)
            {
                ActivityId = activityId;
                Activity = activity;
            }

            public int ActivityId { get; }
            public string Activity { get; }
            public Stopwatch SinceLastWrite { get; } = Stopwatch.StartNew();
            public bool Written { get; set; }
        }
    }
}
