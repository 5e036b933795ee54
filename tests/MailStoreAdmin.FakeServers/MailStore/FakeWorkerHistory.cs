using System.Collections.Concurrent;

namespace MailStoreAdmin.FakeServers.MailStore;

public sealed record FakeWorkerRun(long Id, int ProfileId, string ProfileName, string UserName, string Result, long ItemsArchived,
    DateTime StartUtc, DateTime CompleteUtc);

/// <summary>
/// The history of profile runs, computed from the hour (nothing stored, so a 400-day range costs no memory), relative
/// to the time the fake started, so that "now" always shows the same picture:
///   1 Exchange mailboxes: every hour at :05, succeeded (completedWithWarnings now and then); ten days ago one
///     hour had eight retries, seven failed (a window the server cannot serve with a low failure threshold);
///   2 Microsoft 365 journal: every 4 hours at :20; failed for the last 12 hours, succeeded before;
///   3 IMAP info@: daily at 02:10; completedWithErrors for the last two days;
///   4 Gmail sales: daily at 03:00, but no run for the last three days (overdue);
///   5 PST import: not automatic, no runs;
///   extra hourly profiles (100+) at :30, succeeded.
/// Runs started by RunProfile are added to it.
/// </summary>
public sealed class FakeWorkerHistory
{
    private const int SlotsPerHour = 1024;
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly FakeArchiveState _state;
    private readonly int _extraProfiles;
    private readonly ConcurrentQueue<FakeWorkerRun> _adHoc = new();
    private long _nextAdHocId = 9_000_000_000;

    public FakeWorkerHistory(FakeArchiveState state, int extraProfiles)
    {
        _state = state;
        _extraProfiles = extraProfiles;
        Anchor = Truncate(DateTime.UtcNow);
    }

    /// <summary>The fake's "now" for the pattern: the hour the fake started in.</summary>
    public DateTime Anchor { get; }

    /// <summary>The hour of the burst of retries.</summary>
    public DateTime BurstHour => Anchor.AddDays(-10).AddHours(-Anchor.Hour + 12);

    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);

    public FakeWorkerRun AddRun(int profileId, string profileName, string userName, DateTime startUtc, DateTime completeUtc, string result, long items)
    {
        var run = new FakeWorkerRun(Interlocked.Increment(ref _nextAdHocId), profileId, profileName, userName, result, items, startUtc, completeUtc);
        _adHoc.Enqueue(run);
        return run;
    }

    /// <summary>The runs started in [fromUtc, toUtc), in time order.</summary>
    public IEnumerable<FakeWorkerRun> Runs(DateTime fromUtc, DateTime toUtc)
    {
        var now = DateTime.UtcNow;
        for (var hour = Truncate(fromUtc); hour < toUtc; hour = hour.AddHours(1))
        {
            foreach (var run in RunsOfHour(hour).OrderBy(r => r.StartUtc))
            {
                if (run.StartUtc >= fromUtc && run.StartUtc < toUtc && run.CompleteUtc <= now) yield return run;
            }
        }
        foreach (var run in _adHoc.Where(r => r.StartUtc >= fromUtc && r.StartUtc < toUtc)) yield return run;
    }

    public FakeWorkerRun? Find(long id)
    {
        var adHoc = _adHoc.FirstOrDefault(r => r.Id == id);
        if (adHoc != null) return adHoc;
        if (id < 0) return null;
        var hour = Epoch.AddHours(id / SlotsPerHour);
        return RunsOfHour(hour).FirstOrDefault(r => r.Id == id);
    }

    private IEnumerable<FakeWorkerRun> RunsOfHour(DateTime hour)
    {
        var index = (long)(hour - Epoch).TotalHours;
        if (index < 0) yield break;
        var age = Anchor - hour;
        FakeWorkerRun Run(int slot, int profileId, int minute, string result, long items, int minutes = 3) =>
            new(index * SlotsPerHour + slot, profileId, _state.ProfileName(profileId), "admin", result, items, hour.AddMinutes(minute),
                hour.AddMinutes(minute + minutes));

        if (hour == BurstHour)
        {
            for (int retry = 0; retry < 8; retry++) yield return Run(4 + retry, 1, 5 + retry * 7, retry == 7 ? "succeeded" : "failed", retry == 7 ? 120 : 0, 2);
        }
        else
        {
            yield return Run(0, 1, 5, index % 53 == 0 ? "completedWithWarnings" : "succeeded", 20 + index % 40);
        }
        if (hour.Hour % 4 == 0) yield return Run(1, 2, 20, age < TimeSpan.FromHours(12) ? "failed" : "succeeded", age < TimeSpan.FromHours(12) ? 0 : 300 + index % 100, 6);
        if (hour.Hour == 2) yield return Run(2, 3, 10, age < TimeSpan.FromDays(2) ? "completedWithErrors" : "succeeded", 15 + index % 10, 9);
        if (hour.Hour == 3 && age > TimeSpan.FromDays(3)) yield return Run(3, 4, 0, "succeeded", 80 + index % 30, 12);
        for (int extra = 0; extra < _extraProfiles; extra++) yield return Run(16 + extra, 100 + extra, 30, "succeeded", 5 + (index + extra) % 20, 1);
    }
}
