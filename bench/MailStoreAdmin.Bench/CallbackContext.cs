using System;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>An operation context that hands results and errors to callbacks and discards the rest.</summary>
    internal sealed class CallbackContext : OperationContext
    {
        private readonly Action<object?> _onObject;
        private readonly Action<MailStoreAdminException> _onError;

        public CallbackContext(Action<object?> onObject, Action<MailStoreAdminException> onError)
        {
            _onObject = onObject;
            _onError = onError;
        }

        public override void WriteObject(object? value) => _onObject(value);

        public override void WriteError(MailStoreAdminException error) => _onError(error);

        public override void Log(LogLevel level, string message)
        {
        }

        public override bool ShouldProcess(string target, string action) => true;
    }
}
