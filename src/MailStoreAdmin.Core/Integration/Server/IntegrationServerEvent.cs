using System;
using System.Globalization;

namespace MailStoreAdmin.Core.Integration.Server
{
    public enum IntegrationServerEventKind
    {
        Started,
        Stopping,
        Stopped,
        /// <summary>Something the operator should know about the configuration (e.g. Basic credentials without TLS).</summary>
        Warning,
        TlsHandshakeFailed,
        /// <summary>A connection closed at once because MaxConnections were already open.</summary>
        ConnectionRejected,
        /// <summary>The listening socket failed; the server has stopped serving and Completion faults.</summary>
        ListenerFailed,
    }

    /// <summary>Something that happened to the server rather than to one request.</summary>
    public sealed class IntegrationServerEvent
    {
        internal IntegrationServerEvent(IntegrationServerEventKind kind, string message, string? remoteAddress = null)
        {
            Timestamp = DateTimeOffset.UtcNow;
            Kind = kind;
            Message = message;
            RemoteAddress = remoteAddress;
        }

        public DateTimeOffset Timestamp { get; }
        public IntegrationServerEventKind Kind { get; }
        public string Message { get; }
        public string? RemoteAddress { get; }

        public override string ToString()
        {
            var time = Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var from = RemoteAddress == null ? string.Empty : " " + LogText.Clean(RemoteAddress);
            return $"{time}{from} {Kind}: {LogText.Clean(Message)}";
        }
    }
}
