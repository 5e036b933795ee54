using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Core.Http
{
    public enum LogLevel
    {
        Verbose,
        Debug,
        Warning,
    }

    /// <summary>
    /// Receives what happens during one call: log events and, for long-running MailStore tasks, each status.
    /// The PowerShell layer turns these into Verbose/Debug records and progress bars. Messages handed to it are
    /// already redacted.
    /// </summary>
    public class CallObserver
    {
        public static CallObserver None { get; } = new CallObserver();

        /// <summary>When false, the transport does not even build request/response body dumps.</summary>
        public virtual bool IsDebugEnabled => false;

        public virtual void Log(LogLevel level, string message)
        {
        }

        public virtual void OnStatus(MsTaskStatus status)
        {
        }

        /// <summary>Asked right before a change is sent, after every check that needs no change (-WhatIf/-Confirm).</summary>
        public virtual bool ShouldProcess(string target, string action) => true;
    }
}
