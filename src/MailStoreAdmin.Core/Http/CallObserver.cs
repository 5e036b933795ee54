using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Core.Http
{
    public enum LogLevel
    {
        Verbose,
        Debug,
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
    }
}
