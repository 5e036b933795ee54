using System;
using System.Threading;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>
    /// The benchmarks' one operation context: counts what an operation writes (objects, errors, task statuses), hands
    /// objects and errors to optional callbacks, drops log lines and agrees to every change. It is as cheap as a sink can
    /// be, so the figures measure the core, not the caller.
    /// </summary>
    internal sealed class BenchContext : OperationContext
    {
        private readonly Action<object?>? _onObject;
        private readonly Action<MailStoreAdminException>? _onError;
        private long _objects;
        private long _errors;
        private int _statuses;

        public BenchContext(Action<object?>? onObject = null, Action<MailStoreAdminException>? onError = null)
        {
            _onObject = onObject;
            _onError = onError;
        }

        public long Objects => Interlocked.Read(ref _objects);
        public long Errors => Interlocked.Read(ref _errors);
        public int Statuses => Volatile.Read(ref _statuses);
        public MailStoreAdminException? FirstError { get; private set; }

        public override void WriteObject(object? value)
        {
            Interlocked.Increment(ref _objects);
            _onObject?.Invoke(value);
        }

        public override void WriteError(MailStoreAdminException error)
        {
            if (Interlocked.Increment(ref _errors) == 1) FirstError = error;
            _onError?.Invoke(error);
        }

        public override void Log(LogLevel level, string message)
        {
        }

        public override void OnTaskStatus(MsTaskStatus status) => Interlocked.Increment(ref _statuses);

        public override bool ShouldProcess(string target, string action) => true;
    }
}
