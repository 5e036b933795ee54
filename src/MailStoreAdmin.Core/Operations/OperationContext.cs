using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// The one way an operation talks to its caller. Every public operation in the core has the shape
    /// <c>Task XxxAsync(connection, inputs..., OperationContext context, CancellationToken cancellationToken)</c> and
    /// reports everything through this object: results (<see cref="WriteObject"/>), per-item failures
    /// (<see cref="WriteError"/>; a failure of the whole operation is thrown), log lines, task status, and the
    /// -WhatIf/-Confirm question (<see cref="ShouldProcess"/>), asked once, after validation and every read the
    /// change depends on, right before the change is sent. The PowerShell layer implements it on the pipeline
    /// thread; tests implement it with a recorder. Messages handed to it are already redacted.
    /// </summary>
    public abstract class OperationContext
    {
        /// <summary>Discards everything and agrees to every change: for internal calls whose output nobody reads.</summary>
        public static OperationContext None { get; } = new SilentContext();

        /// <summary>When false, the transport does not even build request/response body dumps.</summary>
        public virtual bool IsDebugEnabled => false;

        /// <summary>One result object, in order. May block while the caller catches up (back-pressure).</summary>
        public abstract void WriteObject(object? value);

        /// <summary>A failure of one item (one user, one store) while the operation goes on with the others.</summary>
        public abstract void WriteError(MailStoreAdminException error);

        public abstract void Log(LogLevel level, string message);

        /// <summary>A new status of a long-running server task: progress, log lines, the end.</summary>
        public virtual void OnTaskStatus(MsTaskStatus status)
        {
        }

        /// <summary>
        /// Asked right before a change is sent (-WhatIf/-Confirm). <paramref name="target"/> says what changes and
        /// must never hold a secret; <paramref name="action"/> is the verb phrase.
        /// </summary>
        public abstract bool ShouldProcess(string target, string action);

        private sealed class SilentContext : OperationContext
        {
            public override void WriteObject(object? value)
            {
            }

            public override void WriteError(MailStoreAdminException error)
            {
            }

            public override void Log(LogLevel level, string message)
            {
            }

            public override bool ShouldProcess(string target, string action) => true;
        }
    }
}
