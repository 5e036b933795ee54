using System;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Bench
{
    /// <summary>An operation context that hands users and errors to callbacks and agrees to every change.</summary>
    internal sealed class Sink : OperationContext
    {
        private readonly Action<MsUser> _onUser;
        private readonly Action<MailStoreAdminException> _onError;

        public Sink(Action<MsUser> onUser, Action<MailStoreAdminException> onError)
        {
            _onUser = onUser;
            _onError = onError;
        }

        public Action<object?>? OnObject { get; set; }

        public override void WriteObject(object? value)
        {
            if (value is MsUser user) _onUser(user);
            else OnObject?.Invoke(value);
        }

        public override void WriteError(MailStoreAdminException error) => _onError(error);

        public override void Log(LogLevel level, string message)
        {
        }

        public override bool ShouldProcess(string target, string action) => true;
    }
}
