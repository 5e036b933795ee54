using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>One status of a long-running task, with only the log lines that are new since the last one.</summary>
    public sealed class MsTaskStatus
    {
        public MsTaskStatus(MsTask task, MsEnvelope envelope, IReadOnlyList<string> newLogLines)
        {
            Task = task;
            StatusVersion = envelope.StatusVersion;
            StatusCode = envelope.StatusCode ?? string.Empty;
            PercentProgress = envelope.PercentProgress;
            StatusText = envelope.StatusText;
            NewLogLines = newLogLines;
        }

        public MsTask Task { get; }
        public long StatusVersion { get; }
        public string StatusCode { get; }
        public int? PercentProgress { get; }
        public string? StatusText { get; }
        public IReadOnlyList<string> NewLogLines { get; }
        public bool IsFinal => StatusCode != MsStatusCodes.Running;
    }

    /// <summary>How a call ended (the result items themselves went to the caller's callback).</summary>
    public sealed class MsCallResult
    {
        internal MsCallResult(MsTask task, MsEnvelope envelope)
        {
            Task = task;
            StatusCode = envelope.StatusCode ?? MsStatusCodes.Succeeded;
            StatusText = envelope.StatusText;
            ResultCount = task.ResultCount;
        }

        public MsTask Task { get; }
        public string StatusCode { get; }
        public string? StatusText { get; }
        public int ResultCount { get; }
        public IReadOnlyList<string> Log => Task.Log;
        public TimeSpan Elapsed => Task.Elapsed;
    }
}
