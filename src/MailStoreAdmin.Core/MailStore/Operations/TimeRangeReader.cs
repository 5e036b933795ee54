using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Reads a time range [from, to) of history rows (worker results, job results) from a server that fails large
    /// ranges with "Nullable object must have a value." (a server bug above a few thousand rows). A failed window is
    /// halved and retried, down to <see cref="MinimumWindow"/>; a minimum window that still fails is reported and
    /// skipped. The window size that worked is kept for the rest of the range, and per connection for the next read,
    /// so a long range costs about one call per window instead of a full halving from the top for every part. Rows are
    /// handed over part by part, in time order, each id once.
    /// </summary>
    public sealed class TimeRangeReader<T>
    {
        public static readonly TimeSpan MinimumWindow = TimeSpan.FromHours(1);

        private static readonly ConditionalWeakTable<MsConnection, Dictionary<string, TimeSpan>> Remembered =
            new ConditionalWeakTable<MsConnection, Dictionary<string, TimeSpan>>();

        private readonly Func<DateTime, DateTime, CancellationToken, Task<List<T>>> _fetch;
        private readonly Func<T, long> _id;
        private readonly Func<T, DateTime?> _time;

        /// <param name="fetch">One call for [fromUtc, toUtc); throws the server's error.</param>
        public TimeRangeReader(Func<DateTime, DateTime, CancellationToken, Task<List<T>>> fetch, Func<T, long> id, Func<T, DateTime?> time)
        {
            _fetch = fetch;
            _id = id;
            _time = time;
        }

        /// <summary>Calls sent by the last read (failed ones included).</summary>
        public int Calls { get; private set; }

        /// <summary>Calls the server failed with the range bug.</summary>
        public int SplitCalls { get; private set; }

        public static bool IsRangeBug(Exception e) =>
            e is MsApiException api && api.ApiMessage.IndexOf("Nullable object must have a value", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The window that last worked for <paramref name="function"/> on this connection, if any.</summary>
        public static TimeSpan? RememberedWindow(MsConnection connection, string function)
        {
            var windows = Remembered.GetOrCreateValue(connection);
            lock (windows) return windows.TryGetValue(function, out var window) ? window : (TimeSpan?)null;
        }

        private static void Remember(MsConnection connection, string function, TimeSpan window)
        {
            var windows = Remembered.GetOrCreateValue(connection);
            lock (windows) windows[function] = window;
        }

        /// <summary>Reads the range with the connection's remembered window for the function, and remembers the one that worked.</summary>
        public async Task ReadAsync(MsConnection connection, string function, DateTime fromUtc, DateTime toUtc, Action<IReadOnlyList<T>> onPart,
            Action<DateTime, DateTime, MailStoreAdminException> onFailedWindow, CancellationToken cancellationToken)
        {
            var window = await ReadAsync(fromUtc, toUtc, RememberedWindow(connection, function), onPart, onFailedWindow, cancellationToken)
                .ConfigureAwait(false);
            if (SplitCalls > 0 || RememberedWindow(connection, function) != null) Remember(connection, function, window);
        }

        /// <summary>Reads the range starting with <paramref name="window"/> (the whole range when null); returns the window that worked last.</summary>
        public async Task<TimeSpan> ReadAsync(DateTime fromUtc, DateTime toUtc, TimeSpan? window, Action<IReadOnlyList<T>> onPart,
            Action<DateTime, DateTime, MailStoreAdminException> onFailedWindow, CancellationToken cancellationToken)
        {
            Calls = 0;
            SplitCalls = 0;
            var size = window ?? toUtc - fromUtc;
            if (size < MinimumWindow) size = MinimumWindow;
            var smallestFailed = TimeSpan.MaxValue;
            var largestRowCount = 0;
            var seen = new HashSet<long>();
            var cursor = fromUtc;
            while (cursor < toUtc)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = toUtc - cursor > size ? cursor + size : toUtc;
                List<T> rows;
                Calls++;
                try
                {
                    rows = await _fetch(cursor, end, cancellationToken).ConfigureAwait(false);
                }
                catch (MailStoreAdminException e) when (IsRangeBug(e))
                {
                    SplitCalls++;
                    var span = end - cursor;
                    if (span < smallestFailed) smallestFailed = span;
                    if (span > MinimumWindow)
                    {
                        size = Max(MinimumWindow, WholeSeconds(TimeSpan.FromTicks(span.Ticks / 2)));
                        continue;
                    }
                    onFailedWindow(cursor, end, e);
                    cursor = end;
                    continue;
                }
                var part = rows.Where(row => seen.Add(_id(row))).OrderBy(row => _time(row) ?? DateTime.MinValue).ThenBy(_id).ToList();
                if (part.Count > 0) onPart(part);
                cursor = end;
                // A sparse part suggests a wider window will still work; a window that failed is not tried again
                // unless the rows are much sparser than the largest part that worked.
                if (rows.Count > largestRowCount) largestRowCount = rows.Count;
                var doubled = size + size;
                if (rows.Count * 2 <= largestRowCount && (doubled < smallestFailed || rows.Count * 4 <= largestRowCount) && end < toUtc)
                {
                    size = doubled;
                }
            }
            return size;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private static TimeSpan WholeSeconds(TimeSpan span) => TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds));
    }
}
