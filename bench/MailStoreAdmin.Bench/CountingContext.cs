using System.Threading;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>Counts what an operation writes, as cheaply as possible (the bench measures the core, not a sink).</summary>
    internal sealed class CountingContext : OperationContext
    {
        private long _objects;
        private long _errors;

        public long Objects => Interlocked.Read(ref _objects);
        public long Errors => Interlocked.Read(ref _errors);
        public MailStoreAdminException? FirstError { get; private set; }

        public override void WriteObject(object? value) => Interlocked.Increment(ref _objects);

        public override void WriteError(MailStoreAdminException error)
        {
            if (Interlocked.Increment(ref _errors) == 1) FirstError = error;
        }

        public override void Log(LogLevel level, string message)
        {
        }

        public override bool ShouldProcess(string target, string action) => true;
    }
}
