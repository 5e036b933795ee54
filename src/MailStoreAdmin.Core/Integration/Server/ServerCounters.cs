using System;
using System.Threading;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>Thread-safe counters behind <see cref="IntegrationServerStatistics"/>.</summary>
    internal sealed class ServerCounters
    {
        private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
        private long _served;
        private long _lists;
        private long _auths;
        private long _rejected;
        private long _failures;
        private long _lastRequestTicks;
        private int _openConnections;

        public int OpenConnections => Volatile.Read(ref _openConnections);

        public int ConnectionOpened() => Interlocked.Increment(ref _openConnections);

        public void ConnectionClosed() => Interlocked.Decrement(ref _openConnections);

        public void Count(IntegrationRequestRecord record)
        {
            Interlocked.Increment(ref _served);
            Interlocked.Exchange(ref _lastRequestTicks, record.Timestamp.UtcTicks);
            if (record.StatusCode >= 500) Interlocked.Increment(ref _failures);
            else if (record.StatusCode >= 400) Interlocked.Increment(ref _rejected);
            else if (record.UsersListed.HasValue) Interlocked.Increment(ref _lists);
            else if (record.AuthSucceeded.HasValue) Interlocked.Increment(ref _auths);
        }

        public IntegrationServerStatistics Snapshot()
        {
            var last = Interlocked.Read(ref _lastRequestTicks);
            return new IntegrationServerStatistics(_startedAt, Interlocked.Read(ref _served), Interlocked.Read(ref _lists),
                Interlocked.Read(ref _auths), Interlocked.Read(ref _rejected), Interlocked.Read(ref _failures), OpenConnections,
                last == 0 ? (DateTimeOffset?)null : new DateTimeOffset(last, TimeSpan.Zero));
        }
    }
}
