using System;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>Hands records and events to the logger (shielding the server from its exceptions) and counts requests.</summary>
    internal sealed class ServerEvents
    {
        private readonly IntegrationServerLogger _logger;

        public ServerEvents(IntegrationServerLogger logger) => _logger = logger;

        public ServerCounters Counters { get; } = new ServerCounters();

        public void Request(IntegrationRequestRecord record)
        {
            Counters.Count(record);
            try
            {
                _logger.OnRequest(record);
            }
            catch (Exception)
            {
                // A failing log sink must not take the server down; there is nowhere better to report it.
            }
        }

        public void Raise(IntegrationServerEventKind kind, string message, string? remoteAddress = null)
        {
            try
            {
                _logger.OnEvent(new IntegrationServerEvent(kind, message, remoteAddress));
            }
            catch (Exception)
            {
                // As above.
            }
        }
    }
}
