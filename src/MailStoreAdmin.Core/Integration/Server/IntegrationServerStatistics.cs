using System;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>A point-in-time view of a server's counters, for a status display.</summary>
    public sealed class IntegrationServerStatistics
    {
        internal IntegrationServerStatistics(DateTimeOffset startedAt, long requestsServed, long listRequests, long authRequests,
            long rejected, long failures, int openConnections, DateTimeOffset? lastRequestAt)
        {
            StartedAt = startedAt;
            RequestsServed = requestsServed;
            ListRequests = listRequests;
            AuthRequests = authRequests;
            Rejected = rejected;
            Failures = failures;
            OpenConnections = openConnections;
            LastRequestAt = lastRequestAt;
        }

        public DateTimeOffset StartedAt { get; }
        /// <summary>Every request answered, whatever the status.</summary>
        public long RequestsServed { get; }
        /// <summary>cmd=list answered with 200.</summary>
        public long ListRequests { get; }
        /// <summary>cmd=auth answered with 200 (either result).</summary>
        public long AuthRequests { get; }
        /// <summary>Answered with a 4xx status (bad credentials, malformed requests, ...).</summary>
        public long Rejected { get; }
        /// <summary>Answered with a 5xx status (source failures, timeouts, overload).</summary>
        public long Failures { get; }
        public int OpenConnections { get; }
        public DateTimeOffset? LastRequestAt { get; }

        public override string ToString() =>
            $"served {RequestsServed} (list {ListRequests}, auth {AuthRequests}), rejected {Rejected}, failed {Failures}, {OpenConnections} open connection(s)";
    }
}
