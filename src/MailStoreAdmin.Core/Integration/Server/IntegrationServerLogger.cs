using System;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// Receives one record per answered request and the server's own events. Called concurrently from pool threads,
    /// so implementations must be thread-safe and quick (queue, don't block). Records never contain passwords or
    /// Authorization headers. Exceptions thrown here are swallowed: logging must not break serving.
    /// </summary>
    public class IntegrationServerLogger
    {
        public static IntegrationServerLogger None { get; } = new IntegrationServerLogger();

        public static IntegrationServerLogger Create(Action<IntegrationRequestRecord>? onRequest, Action<IntegrationServerEvent>? onEvent) =>
            new DelegateLogger(onRequest, onEvent);

        public virtual void OnRequest(IntegrationRequestRecord record)
        {
        }

        public virtual void OnEvent(IntegrationServerEvent serverEvent)
        {
        }

        private sealed class DelegateLogger : IntegrationServerLogger
        {
            private readonly Action<IntegrationRequestRecord>? _onRequest;
            private readonly Action<IntegrationServerEvent>? _onEvent;

            public DelegateLogger(Action<IntegrationRequestRecord>? onRequest, Action<IntegrationServerEvent>? onEvent)
            {
                _onRequest = onRequest;
                _onEvent = onEvent;
            }

            public override void OnRequest(IntegrationRequestRecord record) => _onRequest?.Invoke(record);

            public override void OnEvent(IntegrationServerEvent serverEvent) => _onEvent?.Invoke(serverEvent);
        }
    }
}
