using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.FakeServers.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Monitoring;

public class WorkerResultRangeTests
{
    private static async Task<List<MsWorkerResult>> ReadAllAsync(MsConnection connection, DateTime fromUtc, DateTime toUtc, RecordingContext context)
    {
        var rows = new List<MsWorkerResult>();
        await MsWorkerResultOperations.ReadAsync(connection, fromUtc, toUtc, null, null, part => rows.AddRange(part), context, CancellationToken.None);
        return rows;
    }

    [Fact]
    public async Task A_range_the_server_fails_is_split_until_it_works_and_rows_are_complete_ordered_and_unique()
    {
        await using var reference = await Fake.StartAsync();
        await using var server = await Fake.StartAsync(o => o.HistoryFailureThreshold = 60);
        using var whole = await Fake.ConnectAsync(reference);
        using var connection = await Fake.ConnectAsync(server);
        var anchor = FakeMonitoringFunctions.Of(server).History.Anchor;
        var (from, to) = (anchor.AddDays(-9), anchor);

        var expected = await ReadAllAsync(whole, from, to, new RecordingContext());
        var context = new RecordingContext();
        var rows = await ReadAllAsync(connection, from, to, context);

        Assert.True(expected.Count > 60 * 3, $"the range should need several windows ({expected.Count} rows)");
        Assert.Empty(context.Errors);
        Assert.Equal(expected.Select(r => r.Id).OrderBy(i => i), rows.Select(r => r.Id).OrderBy(i => i));
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rows.OrderBy(r => r.StartTime).ThenBy(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
        var calls = server.CallsTo("GetWorkerResults").ToList();
        Assert.Contains(server.CallsTo("GetWorkerResults"), c => c.Form["fromIncluding"] == ServerTime.Format(from) && c.Form["toExcluding"] == ServerTime.Format(to));
        Assert.All(calls, c => Assert.Equal("UTC", c.Form["timeZoneID"]));
        Assert.All(calls, c => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", c.Form["fromIncluding"]));
    }

    [Fact]
    public async Task A_one_hour_window_that_still_fails_is_one_error_record_and_the_rest_is_returned()
    {
        // Ten days ago one hour holds eight retries; with at most five rows per call only that hour cannot be read.
        await using var server = await Fake.StartAsync(o => o.HistoryFailureThreshold = 5);
        using var connection = await Fake.ConnectAsync(server);
        var history = FakeMonitoringFunctions.Of(server).History;
        var (from, to) = (history.BurstHour.AddHours(-6), history.BurstHour.AddHours(6));
        var expectedOutside = history.Runs(from, to).Where(r => r.StartUtc < history.BurstHour || r.StartUtc >= history.BurstHour.AddHours(1)).Select(r => r.Id).ToList();

        var context = new RecordingContext();
        var rows = await ReadAllAsync(connection, from, to, context);

        var error = Assert.Single(context.Errors);
        Assert.Equal("HistoryWindowFailed", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidResult, error.Kind);
        Assert.Equal(history.BurstHour.ToLocalTime(), error.Target);
        Assert.Equal(expectedOutside, rows.Select(r => r.Id));
        Assert.Contains(server.CallsTo("GetWorkerResults"), c => c.Form["fromIncluding"] == ServerTime.Format(history.BurstHour)
            && c.Form["toExcluding"] == ServerTime.Format(history.BurstHour.AddHours(1)));
    }

    [Fact]
    public async Task The_window_that_worked_is_remembered_so_a_second_read_needs_no_split()
    {
        await using var server = await Fake.StartAsync(o => o.HistoryFailureThreshold = 100);
        using var connection = await Fake.ConnectAsync(server);
        var anchor = FakeMonitoringFunctions.Of(server).History.Anchor;
        await ReadAllAsync(connection, anchor.AddDays(-20), anchor, new RecordingContext());
        var firstCalls = server.CallsTo("GetWorkerResults").Count();
        Assert.NotNull(TimeRangeReader<MsWorkerResult>.RememberedWindow(connection, "GetWorkerResults"));

        server.ClearCalls();
        var reader = await MsWorkerResultOperations.ReadAsync(connection, anchor.AddDays(-20), anchor, null, null, _ => { }, new RecordingContext(), CancellationToken.None);
        Assert.Equal(0, reader.SplitCalls);
        Assert.True(server.CallsTo("GetWorkerResults").Count() < firstCalls);
    }

    [Fact]
    public async Task Fewer_calls_than_halving_from_the_whole_range_for_every_part()
    {
        // A synthetic server: 10 rows per hour, failing above 500 rows (50 hours).
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        int calls = 0;
        Task<List<(long Id, DateTime Time)>> Fetch(DateTime from, DateTime to, CancellationToken _)
        {
            calls++;
            var rows = new List<(long, DateTime)>();
            for (var t = from; t < to; t = t.AddMinutes(6)) rows.Add(((long)(t - start).TotalMinutes, t));
            if (rows.Count > 500) throw new MsApiException("GetWorkerResults", "Nullable object must have a value.", null);
            return Task.FromResult(rows);
        }
        var reader = new TimeRangeReader<(long Id, DateTime Time)>(Fetch, r => r.Id, r => r.Time);
        var total = 0;
        await reader.ReadAsync(start, start.AddDays(400), null, part => total += part.Count, (_, _, e) => throw e, CancellationToken.None);

        Assert.Equal(400 * 24 * 10, total);
        // Plain recursive halving: every failing node plus every leaf.
        static int Naive(TimeSpan span) => span.TotalHours * 10 > 500 ? 1 + 2 * Naive(TimeSpan.FromTicks(span.Ticks / 2)) : 1;
        Assert.True(calls < Naive(TimeSpan.FromDays(400)), $"{calls} calls, naive {Naive(TimeSpan.FromDays(400))}");
        Assert.Equal(calls, reader.Calls);
    }

    [Fact]
    public async Task From_after_to_and_a_zero_profile_id_are_refused_before_anything_is_sent()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsWorkerResultOperations.GetWorkerResultsAsync(connection,
            DateTime.Now, DateTime.Now.AddDays(-1), null, null, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("TimeRangeInvalid", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsWorkerResultOperations.GetWorkerResultsAsync(connection,
            null, null, null, 0, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("ProfileIdInvalid", e.ErrorId);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Default_is_the_last_24_hours_with_local_times_and_filters_by_profile()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsWorkerResultOperations.GetWorkerResultsAsync(connection, null, null, null, 2, null, context, CancellationToken.None);
        var rows = context.Of<MsWorkerResult>();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(2, r.ProfileId));
        Assert.All(rows, r => Assert.Equal(DateTimeKind.Local, r.StartTime!.Value.Kind));
        Assert.All(rows, r => Assert.InRange(r.StartTime!.Value, DateTime.Now.AddHours(-24).AddMinutes(-1), DateTime.Now));
        var call = Assert.Single(server.CallsTo("GetWorkerResults"));
        Assert.Equal("2", call.Form["profileID"]);
        Assert.False(call.Form.ContainsKey("userName"));
    }
}
