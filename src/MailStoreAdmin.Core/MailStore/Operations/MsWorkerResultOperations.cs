using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Profile runs (GetWorkerResults) over any range, through the range bug of the server.</summary>
    public static class MsWorkerResultOperations
    {
        public const string Function = "GetWorkerResults";
        public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(24);

        /// <summary>
        /// Get-MsWorkerResult: the runs started in [from, to) (default: the last 24 hours), streamed part by part in
        /// time order. A one-hour window the server still fails is an error record; the rest is returned.
        /// </summary>
        public static Task GetWorkerResultsAsync(MsConnection connection, DateTime? from, DateTime? to, TimeSpan? last, int? profileId,
            string? userName, OperationContext context, CancellationToken cancellationToken)
        {
            var (fromUtc, toUtc) = ServerTime.Range(from, to, last, DefaultRange, DateTime.UtcNow);
            if (profileId is int id && id <= 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "ProfileIdInvalid", $"Profile ids are positive numbers, not {id}.", id);
            }
            return ReadAsync(connection, fromUtc, toUtc, profileId, userName, part =>
            {
                foreach (var row in part) context.WriteObject(row);
            }, context, cancellationToken);
        }

        /// <summary>The runs in [fromUtc, toUtc), part by part; failed one-hour windows become error records.</summary>
        public static Task<TimeRangeReader<MsWorkerResult>> ReadAsync(MsConnection connection, DateTime fromUtc, DateTime toUtc, int? profileId,
            string? userName, Action<IReadOnlyList<MsWorkerResult>> onPart, OperationContext context, CancellationToken cancellationToken)
        {
            var filters = new List<KeyValuePair<string, object?>>();
            if (profileId != null) filters.Add(new KeyValuePair<string, object?>("profileID", profileId));
            if (!string.IsNullOrEmpty(userName)) filters.Add(new KeyValuePair<string, object?>("userName", userName));
            var reader = WindowReader(connection, Function, "timeZoneID", filters, MsWorkerResult.Read, row => row.Id, row => row.StartTime, context);
            return RunAsync(connection, Function, reader, fromUtc, toUtc, onPart, context, cancellationToken);
        }

        /// <summary>
        /// The reader of a function that reads a time range: per window, fromIncluding/toExcluding in UTC (the time zone
        /// argument spelled <paramref name="zoneKey"/>, as that function wants it) and the filters, each result item read as a row.
        /// </summary>
        internal static TimeRangeReader<T> WindowReader<T>(MsConnection connection, string function, string zoneKey,
            IReadOnlyList<KeyValuePair<string, object?>> filters, Func<System.Text.Json.JsonElement, T> read, Func<T, long> id, Func<T, DateTime?> time,
            OperationContext context) =>
            new TimeRangeReader<T>(async (start, end, token) =>
            {
                var arguments = new List<KeyValuePair<string, object?>>
                {
                    new KeyValuePair<string, object?>("fromIncluding", ServerTime.Format(start)),
                    new KeyValuePair<string, object?>("toExcluding", ServerTime.Format(end)),
                    new KeyValuePair<string, object?>(zoneKey, ServerTime.UtcZoneId),
                };
                arguments.AddRange(filters);
                var rows = new List<T>();
                await connection.InvokeAsync(function, arguments, item => rows.Add(read(item)), context, token).ConfigureAwait(false);
                return rows;
            }, id, time);

        /// <summary>Runs a reader over the range with error records for failed windows and a summary log line.</summary>
        internal static async Task<TimeRangeReader<T>> RunAsync<T>(MsConnection connection, string function, TimeRangeReader<T> reader, DateTime fromUtc,
            DateTime toUtc, Action<IReadOnlyList<T>> onPart, OperationContext context, CancellationToken cancellationToken)
        {
            await reader.ReadAsync(connection, function, fromUtc, toUtc, onPart, (start, end, error) =>
                context.WriteError(new MailStoreAdminException(ErrorKind.InvalidResult, "HistoryWindowFailed",
                    $"{function} failed for {start.ToLocalTime():yyyy-MM-dd HH:mm} to {end.ToLocalTime():HH:mm} even as a one-hour window: {error.Message} The runs of that hour are missing; the rest of the range was read.",
                    start.ToLocalTime(), error)), cancellationToken).ConfigureAwait(false);
            if (reader.SplitCalls > 0)
            {
                context.Log(LogLevel.Verbose, $"{function}: {reader.Calls} calls, {reader.SplitCalls} of them failed by the server's range bug and were split.");
            }
            return reader;
        }

        /// <summary>Get-MsWorkerResultReport: the report of one run (GetWorkerResultReport).</summary>
        public static async Task GetReportAsync(MsConnection connection, long id, OperationContext context, CancellationToken cancellationToken)
        {
            if (id <= 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "WorkerResultIdInvalid", $"Worker result ids are positive numbers, not {id}.", id);
            }
            await connection.InvokeAsync("GetWorkerResultReport", MsUserOperations.Args("id", id), item =>
            {
                var report = JsonPlain.ToPlain(item);
                if (report is PlainObject plain) plain.TypeName = "MailStoreAdmin.WorkerResultReport";
                context.WriteObject(report);
            }, context, cancellationToken, id).ConfigureAwait(false);
        }
    }
}
