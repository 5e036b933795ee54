using System;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// One instance-level operation run against one SPE instance: the operation gets the connection scoped to the
    /// instance (<see cref="MsConnection.ForInstance"/>), its results are tagged with the instance id
    /// (<see cref="MsInstanceOutput"/>), its log lines and -WhatIf targets name the instance, and its failure is an
    /// error record for that instance, so the other instances of a fan-out go on.
    /// </summary>
    public static class MsInstanceScope
    {
        public static async Task RunAsync(MsConnection connection, string instanceId,
            Func<MsConnection, OperationContext, CancellationToken, Task> operation, OperationContext context, CancellationToken cancellationToken)
        {
            var scoped = new InstanceContext(context, instanceId);
            try
            {
                var view = connection.ForInstance(instanceId);
                await operation(view, scoped, cancellationToken).ConfigureAwait(false);
            }
            catch (MailStoreAdminException e)
            {
                scoped.WriteError(e);
            }
        }

        /// <summary>An error of one instance: the same error, its message naming the instance.</summary>
        public static MailStoreAdminException Tag(MailStoreAdminException error, string instanceId) =>
            error.Message.StartsWith(Prefix(instanceId), StringComparison.Ordinal)
                ? error
                : new MailStoreAdminException(error.Kind, error.ErrorId, Prefix(instanceId) + error.Message, error.Target ?? instanceId,
                    error, error.RecommendedAction);

        private static string Prefix(string instanceId) => $"Instance '{instanceId}': ";

        private sealed class InstanceContext : OperationContext
        {
            private readonly OperationContext _inner;
            private readonly string _instanceId;

            public InstanceContext(OperationContext inner, string instanceId)
            {
                _inner = inner;
                _instanceId = instanceId;
            }

            public override bool IsDebugEnabled => _inner.IsDebugEnabled;

            public override void WriteObject(object? value) =>
                _inner.WriteObject(value == null || value is MsInstanceOutput ? value : new MsInstanceOutput(_instanceId, value));

            public override void WriteError(MailStoreAdminException error) => _inner.WriteError(Tag(error, _instanceId));

            public override void Log(LogLevel level, string message) => _inner.Log(level, $"[{_instanceId}] {message}");

            public override void OnTaskStatus(MsTaskStatus status) => _inner.OnTaskStatus(status);

            public override bool ShouldProcess(string target, string action) =>
                _inner.ShouldProcess($"{target} (instance '{_instanceId}')", action);
        }
    }

    /// <summary>
    /// A result of an instance-level operation with the instance it came from; PowerShell shows the value itself with
    /// an InstanceId property added (which also binds the next instance-level cmdlet to the same instance).
    /// </summary>
    public sealed class MsInstanceOutput
    {
        public MsInstanceOutput(string instanceId, object value)
        {
            InstanceId = instanceId;
            Value = value;
        }

        public string InstanceId { get; }
        public object Value { get; }

        public override string ToString() => $"[{InstanceId}] {Value}";
    }
}
