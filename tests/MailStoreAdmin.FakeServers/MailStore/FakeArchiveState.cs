using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Profiles (raw JSON objects as GetProfiles raw=true returns them), jobs, job runs started on request, SMTP
/// settings and sent status reports. Raw objects are kept as JSON nodes so unknown properties survive edits.
/// </summary>
public sealed class FakeArchiveState
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, JsonObject> _profiles = new();
    private readonly SortedDictionary<int, JsonObject> _jobs = new();
    private int _nextProfileId = 6;
    private int _nextJobId = 4;

    public FakeArchiveState(int extraProfiles)
    {
        AddProfile(1, "Exchange mailboxes", "MicrosoftExchange", true, 60, new JsonObject { ["serverName"] = "exchange01.example.com", ["mailboxes"] = "all" });
        AddProfile(2, "Microsoft 365 journal", "MicrosoftOffice365Journal", true, 240, new JsonObject { ["tenant"] = "example.onmicrosoft.com", ["password"] = null });
        AddProfile(3, "IMAP info@example.com", "Imap", true, 1440, new JsonObject { ["host"] = "imap.example.com", ["userName"] = "info@example.com", ["password"] = null });
        AddProfile(4, "Gmail sales", "GoogleWorkspace", true, 1440, new JsonObject { ["domain"] = "sales.example.com" });
        AddProfile(5, "PST import", "OutlookPstFiles", false, null, new JsonObject { ["path"] = @"\\files\pst" });
        for (int i = 0; i < extraProfiles; i++)
        {
            AddProfile(100 + i, $"Mailbox user{i + 1:D6}", "MicrosoftExchangeMailbox", true, 60, new JsonObject { ["mailbox"] = $"user{i + 1:D6}@example.com" });
        }
        AddJob(1, "Nightly backup", "CreateBackup", true, new JsonObject { ["time"] = "01:30" });
        AddJob(2, "Weekly compaction", "CompactMasterDatabase", true, new JsonObject { ["time"] = "04:00", ["dayOfWeek"] = "Sunday" });
        AddJob(3, "Refresh statistics", "RefreshAllStoreStatistics", false, new JsonObject { ["interval"] = 60 });
    }

    public ConcurrentQueue<FakeJobRun> JobRuns { get; } = new();
    public ConcurrentQueue<string> SentReports { get; } = new();

    public JsonObject SmtpSettings { get; set; } = new()
    {
        ["host"] = "smtp.example.com", ["port"] = 587, ["protocol"] = "SMTP-TLS", ["ignoreSslPolicyErrors"] = false,
        ["authenticationRequired"] = true, ["userName"] = "mailstore@example.com", ["password"] = null,
        ["fromDisplayName"] = "MailStore Server", ["fromEmailAddress"] = "mailstore@example.com", ["recipientEmailAddress"] = "admin@example.com",
    };

    /// <summary>The SMTP password as last set (the server never returns it).</summary>
    public string? SmtpPassword { get; set; }

    private void AddProfile(int id, string name, string connector, bool automatic, int? pause, JsonObject details)
    {
        var execution = new JsonObject { ["automatic"] = automatic };
        if (pause != null) execution["automaticPauseBetweenExecutions"] = pause;
        execution["automaticMaintenanceWindows"] = null;
        _profiles[id] = new JsonObject
        {
            ["id"] = id, ["name"] = name, ["connector"] = connector, ["ownerName"] = "admin", ["serverSideExecution"] = execution,
            ["details"] = details,
        };
    }

    private void AddJob(int id, string name, string action, bool enabled, JsonObject schedule)
    {
        schedule["timeZoneId"] = "$Local";
        _jobs[id] = new JsonObject
        {
            ["id"] = id, ["name"] = name, ["action"] = action, ["owner"] = "admin", ["creationDateTimeUtc"] = "2024-03-01T09:00:00",
            ["lastStartDateTimeUtc"] = null, ["lastCompleteDateTimeUtc"] = null, ["nextStartDateTimeUtc"] = null, ["enabled"] = enabled, ["schedule"] = schedule,
        };
    }

    public string ProfileName(int id)
    {
        lock (_gate) return _profiles.TryGetValue(id, out var p) ? p["name"]!.GetValue<string>() : $"Profile {id}";
    }

    public bool ProfileExists(int id)
    {
        lock (_gate) return _profiles.ContainsKey(id);
    }

    public void WriteProfiles(Utf8JsonWriter w)
    {
        lock (_gate)
        {
            w.WriteStartArray();
            foreach (var profile in _profiles.Values) profile.WriteTo(w);
            w.WriteEndArray();
        }
    }

    public int CreateProfile(JsonObject properties)
    {
        lock (_gate)
        {
            var id = _nextProfileId++;
            var profile = (JsonObject)properties.DeepClone();
            profile["id"] = id;
            profile["ownerName"] ??= "admin";
            profile["serverSideExecution"] ??= new JsonObject { ["automatic"] = false };
            _profiles[id] = profile;
            return id;
        }
    }

    public bool DeleteProfile(int id)
    {
        lock (_gate) return _profiles.Remove(id);
    }

    public bool SetExecution(int id, bool automatic, int? pause, string? windows)
    {
        lock (_gate)
        {
            if (!_profiles.TryGetValue(id, out var profile)) return false;
            var execution = profile["serverSideExecution"] as JsonObject ?? new JsonObject();
            execution["automatic"] = automatic;
            execution["automaticPauseBetweenExecutions"] = pause;
            execution["automaticMaintenanceWindows"] = windows;
            profile["serverSideExecution"] = execution;
            return true;
        }
    }

    public void WriteJobs(Utf8JsonWriter w)
    {
        lock (_gate)
        {
            w.WriteStartArray();
            foreach (var job in _jobs.Values) job.WriteTo(w);
            w.WriteEndArray();
        }
    }

    public JsonObject? Job(int id)
    {
        lock (_gate) return _jobs.TryGetValue(id, out var job) ? job : null;
    }

    /// <summary>Applies a change to a job under the lock; false when there is no such job.</summary>
    public bool UpdateJob(int id, Action<JsonObject> change)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job)) return false;
            change(job);
            return true;
        }
    }

    public int CreateJob(string name, string action, string owner, JsonObject schedule)
    {
        lock (_gate)
        {
            var id = _nextJobId++;
            AddJob(id, name, action, true, schedule);
            _jobs[id]["owner"] = owner;
            return id;
        }
    }

    public bool DeleteJob(int id)
    {
        lock (_gate) return _jobs.Remove(id);
    }
}

/// <summary>One job run (generated history or started by RunJobAsync).</summary>
public sealed class FakeJobRun
{
    public FakeJobRun(long id, int jobId, string action, DateTime startUtc, DateTime? completeUtc, string? result)
    {
        Id = id;
        JobId = jobId;
        Action = action;
        StartUtc = startUtc;
        CompleteUtc = completeUtc;
        Result = result;
    }

    public long Id { get; }
    public int JobId { get; }
    public string Action { get; }
    public DateTime StartUtc { get; }
    public DateTime? CompleteUtc { get; set; }
    public string? Result { get; set; }
}
