using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Profiles, worker results, jobs, licence, sessions, service configuration, SMTP settings, status reports and time
/// zones. GetWorkerResults/GetJobResults take dates only as yyyy-MM-ddTHH:mm:ss in a known zone; GetWorkerResults
/// fails above <see cref="FakeMailStoreOptions.HistoryFailureThreshold"/> rows with the real server's "Nullable object" error.
/// </summary>
public sealed class FakeMonitoringFunctions : IFakeFunctions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FakeMailStoreServer, FakeMonitoringFunctions> Areas = new();
    private static readonly int[] Intervals = { 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720 };
    private readonly FakeMailStoreServer _server;
    private readonly FakeArchiveState _state;
    private readonly FakeWorkerHistory _history;
    private long _nextJobRunId = 10_000_000;

    public FakeMonitoringFunctions(FakeMailStoreServer server)
    {
        _server = server;
        _state = new FakeArchiveState(server.Options.ExtraHourlyProfiles);
        _history = new FakeWorkerHistory(_state, server.Options.ExtraHourlyProfiles);
        Areas.AddOrUpdate(server, this);
    }

    /// <summary>The monitoring area of a fake server, for tests that look at its state.</summary>
    public static FakeMonitoringFunctions Of(FakeMailStoreServer server) => Areas.TryGetValue(server, out var area) ? area : throw new InvalidOperationException("No monitoring area.");

    public FakeArchiveState State => _state;
    public FakeWorkerHistory History => _history;

    private FakeMailStoreOptions Options => _server.Options;

    public void Register(FakeFunctionTable table)
    {
        void Add(string function, Func<FakeCall, Task<Envelope>> handler) => table.Add(function, handler);
        void AddSync(string function, Func<FakeCall, Envelope> handler) => table.Add(function, handler);

        AddSync("GetProfiles", call => call.Bool("raw")
            ? Envelope.Succeeded(_state.WriteProfiles)
            : FakeCall.Invalid("Only raw=true is supported by GetProfiles."));
        AddSync("RunProfile", call => RunProfile(call));
        AddSync("RunTemporaryProfile", call => WithProperties(call, properties => call.Start(RunTask(0, properties["name"]?.ToString() ?? "temporary", false))));
        AddSync("CreateProfile", call => WithProperties(call, properties =>
        {
            if (properties["name"] == null) return FakeCall.Invalid("The profile needs a name.");
            _state.CreateProfile(properties);
            return Envelope.Succeeded(null);
        }));
        AddSync("DeleteProfile", call => call.Int("id") is int id && _state.DeleteProfile(id) ? Envelope.Succeeded(null) : ProfileMissing(call));
        AddSync("SetProfileServerSideExecution", call =>
        {
            var pause = call.Int("automaticPauseBetweenExecutions");
            if (call.Text("automaticPauseBetweenExecutions") != null && (pause == null || pause <= 0))
            {
                return FakeCall.Invalid("Specified argument was out of the range of valid values.\r\nParameter name: automaticPauseBetweenExecutions");
            }
            return call.Int("id") is int id && _state.SetExecution(id, call.Bool("automatic"), pause, call.Text("automaticMaintenanceWindows"))
                ? Envelope.Succeeded(null)
                : ProfileMissing(call);
        });
        Add("GetWorkerResults", call => HistoryAsync(call, "timeZoneID", WorkerResults, Options.HistoryFailureThreshold));
        AddSync("GetWorkerResultReport", call =>
        {
            var run = long.TryParse(call.Text("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? _history.Find(id) : null;
            if (run == null) return Envelope.Failed($"Worker result {call.Text("id")} does not exist.", null);
            return Envelope.Succeeded(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("id", run.Id);
                w.WriteString("profileName", run.ProfileName);
                w.WriteString("result", run.Result);
                w.WriteString("report", $"Archiving {run.ProfileName}\r\n{run.ItemsArchived} messages archived.\r\nResult: {run.Result}\r\n");
                w.WriteEndObject();
            });
        });

        AddSync("GetJobs", _ => Envelope.Succeeded(_state.WriteJobs));
        AddSync("CreateJob", CreateJob);
        AddSync("SetJobSchedule", call => WithJob(call, job =>
        {
            var (schedule, problem) = Schedule(call);
            if (problem != null) return FakeCall.Invalid(problem);
            _state.UpdateJob(job, j => j["schedule"] = schedule);
            return Envelope.Succeeded(null);
        }));
        AddSync("SetJobEnabled", call => WithJob(call, job =>
        {
            _state.UpdateJob(job, j => j["enabled"] = call.Bool("enabled"));
            return Envelope.Succeeded(null);
        }));
        AddSync("RenameJob", call => WithJob(call, job =>
        {
            _state.UpdateJob(job, j => j["name"] = call.Text("name"));
            return Envelope.Succeeded(null);
        }));
        AddSync("DeleteJob", call => WithJob(call, job => _state.DeleteJob(job) ? Envelope.Succeeded(null) : JobMissing(call)));
        AddSync("RunJobAsync", call => WithJob(call, StartJob));
        AddSync("CancelJobAsync", call => WithJob(call, job =>
        {
            foreach (var run in _state.JobRuns.Where(r => r.JobId == job && r.Result == null))
            {
                lock (run)
                {
                    run.Result = "cancelled";
                    run.CompleteUtc = DateTime.UtcNow;
                }
            }
            return Envelope.Succeeded(null);
        }));
        // The range bug is documented for worker results only; job results answer any range.
        Add("GetJobResults", call => HistoryAsync(call, "timeZoneId", JobResults, null));

        AddSync("GetLicenseInformation", _ => Envelope.Succeeded(w =>
        {
            w.WriteStartObject();
            w.WriteString("licenseeName", "Example Ltd.");
            w.WriteString("productKey", "XXXXX-XXXXX-XXXXX-12345");
            w.WriteNumber("namedUsers", Options.LicenseNamedUsers);
            w.WriteNumber("maxNamedUsers", Options.LicenseMaxNamedUsers);
            w.WriteString("expirationDate", "2027-06-30T00:00:00");
            w.WriteEndObject();
        }));
        AddSync("GetActiveSessions", _ => Envelope.Succeeded(w =>
        {
            w.WriteStartArray();
            WriteSession(w, "admin", "Management API", "127.0.0.1");
            WriteSession(w, "user000002", "Web Access", "192.0.2.15");
            w.WriteEndArray();
        }));
        AddSync("GetServiceConfiguration", _ => Envelope.Succeeded(w =>
        {
            w.WriteStartObject();
            w.WriteString("baseDirectory", @"C:\MailArchive");
            w.WriteNumber("apiPort", 8463);
            w.WriteNumber("webAccessHttpsPort", 443);
            w.WriteStartObject("serverCertificate");
            w.WriteString("thumbprint", "3F2A9C1B7D8E4F605A1B2C3D4E5F60718293A4B5");
            w.WriteString("subject", "CN=mailstore.example.com");
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        AddSync("GetSmtpSettings", _ => Envelope.Succeeded(w => _state.SmtpSettings.WriteTo(w)));
        AddSync("SetSmtpSettings", call =>
        {
            if (!(JsonNode.Parse(call.Text("settings")!) is JsonObject settings)) return FakeCall.Invalid("The settings are not a JSON object.");
            if (settings["password"] is JsonNode password) _state.SmtpPassword = password.GetValue<string>();
            settings["password"] = null;
            _state.SmtpSettings = settings;
            return Envelope.Succeeded(null);
        });
        AddSync("TestSmtpSettings", call => call.Start(TestSmtp()));
        AddSync("SendStatusReport", call =>
        {
            var period = call.Text("timespan");
            if (!new[] { "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth" }.Contains(period)) return FakeCall.Invalid($"Invalid timespan '{period}'.");
            if (!FakeTimeZones.IsKnown(call.Text("timeZoneId"))) return FakeTimeZones.BadZone(call.Text("timeZoneId"));
            _state.SentReports.Enqueue($"{period} to {call.Text("recipients")}");
            return Envelope.Succeeded(null);
        });
        AddSync("GetTimeZones", _ => Envelope.Succeeded(FakeTimeZones.Write));
    }

    private Envelope RunProfile(FakeCall call)
    {
        if (!(call.Int("id") is int id) || !_state.ProfileExists(id)) return ProfileMissing(call);
        return call.Start(RunTask(id, _state.ProfileName(id), true));
    }

    private FakeTask RunTask(int profileId, string name, bool record)
    {
        var task = new FakeTask($"Archiving '{name}'...\r\n");
        var start = DateTime.UtcNow;
        _ = Task.Run(async () =>
        {
            for (int step = 1; step <= 3; step++)
            {
                await Task.Delay(40);
                if (task.CancelRequested)
                {
                    task.Finish("cancelled", null, "Cancelled by request.\r\n");
                    if (record) _history.AddRun(profileId, name, "admin", start, DateTime.UtcNow, "cancelled", step * 10);
                    return;
                }
                task.Update(step * 25, $"Archiving {name}", $"  {step * 10} messages archived...\r\n");
            }
            if (record) _history.AddRun(profileId, name, "admin", start, DateTime.UtcNow, "succeeded", 30);
            task.Finish("succeeded", null, "  30 messages archived.\r\nFinished.\r\n");
        });
        return task;
    }

    private static Envelope WithProperties(FakeCall call, Func<JsonObject, Envelope> use)
    {
        if (!call.Bool("raw")) return FakeCall.Invalid("Only raw=true is supported.");
        try
        {
            return JsonNode.Parse(call.Text("properties")!) is JsonObject properties ? use(properties) : FakeCall.Invalid("The properties are not a JSON object.");
        }
        catch (JsonException e)
        {
            return FakeCall.Invalid(e.Message);
        }
    }

    private static Envelope ProfileMissing(FakeCall call) => Envelope.Failed($"Profile {call.Text("id")} does not exist.", "MailStore.Common.ApiException");

    private static Envelope JobMissing(FakeCall call) => Envelope.Failed($"Job {call.Text("id")} does not exist.", "MailStore.Common.ApiException");

    private Envelope WithJob(FakeCall call, Func<int, Envelope> use) =>
        call.Int("id") is int id && _state.Job(id) != null ? use(id) : JobMissing(call);

    private Envelope CreateJob(FakeCall call)
    {
        var action = call.Text("action")!;
        if (_server.Data.Find(action) == null) return FakeCall.Invalid($"Unknown action '{action}'.");
        var (schedule, problem) = Schedule(call);
        if (problem != null) return FakeCall.Invalid(problem);
        _state.CreateJob(call.Text("name")!, action, call.Text("owner")!, schedule!);
        return Envelope.Succeeded(null);
    }

    /// <summary>The schedule arguments as the server checks them.</summary>
    private static (JsonObject? Schedule, string? Problem) Schedule(FakeCall call)
    {
        var schedule = new JsonObject();
        if (!FakeTimeZones.IsKnown(call.Text("timeZoneId"))) return (null, $"The time zone ID '{call.Text("timeZoneId")}' was not found.");
        schedule["timeZoneId"] = call.Text("timeZoneId");
        if (call.Text("interval") is string interval)
        {
            if (!(call.Int("interval") is int minutes) || !Intervals.Contains(minutes)) return (null, $"Invalid interval '{interval}'.");
            schedule["interval"] = minutes;
            return (schedule, null);
        }
        if (!(call.Text("time") is string time) || !TimeSpan.TryParseExact(time, @"hh\:mm", CultureInfo.InvariantCulture, out _)) return (null, $"Invalid time '{call.Text("time")}'.");
        schedule["time"] = time;
        if (call.Text("date") is string date)
        {
            if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return (null, $"Invalid date '{date}'.");
            schedule["date"] = date;
        }
        if (call.Text("dayOfWeek") is string day)
        {
            if (!Enum.TryParse<DayOfWeek>(day, false, out _)) return (null, $"Invalid dayOfWeek '{day}'.");
            schedule["dayOfWeek"] = day;
        }
        if (call.Text("dayOfMonth") is string dayOfMonth)
        {
            if (dayOfMonth != "Last" && !(int.TryParse(dayOfMonth, out var d) && d >= 1 && d <= 31)) return (null, $"Invalid dayOfMonth '{dayOfMonth}'.");
            schedule["dayOfMonth"] = dayOfMonth;
        }
        return (schedule, null);
    }

    private Envelope StartJob(int jobId)
    {
        var job = _state.Job(jobId)!;
        var run = new FakeJobRun(Interlocked.Increment(ref _nextJobRunId), jobId, job["action"]!.GetValue<string>(), DateTime.UtcNow, null, null);
        _state.JobRuns.Enqueue(run);
        _state.UpdateJob(jobId, j => j["lastStartDateTimeUtc"] = FakeTimeZones.Format(run.StartUtc, TimeSpan.Zero));
        _ = Task.Run(async () =>
        {
            await Task.Delay(Options.JobRunDuration);
            lock (run)
            {
                if (run.Result != null) return;
                run.Result = "succeeded";
                run.CompleteUtc = DateTime.UtcNow;
            }
            _state.UpdateJob(jobId, j => j["lastCompleteDateTimeUtc"] = FakeTimeZones.Format(run.CompleteUtc!.Value, TimeSpan.Zero));
        });
        return Envelope.Succeeded(null);
    }

    private FakeTask TestSmtp()
    {
        var host = _state.SmtpSettings["host"]?.ToString();
        var task = new FakeTask($"Connecting to {host}...\r\n");
        _ = Task.Run(async () =>
        {
            await Task.Delay(30);
            if (string.IsNullOrEmpty(host)) task.Finish("failed", new EnvelopeError("No SMTP server configured.", null), "Failed.\r\n");
            else task.Finish("succeeded", null, "Test e-mail sent.\r\n");
        });
        return task;
    }

    private static void WriteSession(Utf8JsonWriter w, string user, string client, string address)
    {
        w.WriteStartObject();
        w.WriteString("userName", user);
        w.WriteString("clientType", client);
        w.WriteString("ipAddress", address);
        w.WriteString("loginTime", DateTime.UtcNow.AddMinutes(-17).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    /// <summary>Reads the range arguments as the server does, applies the failure threshold and the latency, and writes the rows.</summary>
    private async Task<Envelope> HistoryAsync(FakeCall call, string zoneArgument, Func<FakeCall, DateTime, DateTime, TimeSpan, List<Action<Utf8JsonWriter>>> rows,
        int? failureThreshold)
    {
        if (Options.HistoryLatency > TimeSpan.Zero) await Latency.WaitAsync(Options.HistoryLatency, call.Aborted);
        var zone = call.Text(zoneArgument);
        if (!(FakeTimeZones.Offset(zone) is TimeSpan offset)) return FakeTimeZones.BadZone(zone);
        if (!(FakeTimeZones.ParseUtc(call.Text("fromIncluding"), offset) is DateTime from)) return FakeTimeZones.BadDate(call.Text("fromIncluding"));
        if (!(FakeTimeZones.ParseUtc(call.Text("toExcluding"), offset) is DateTime to)) return FakeTimeZones.BadDate(call.Text("toExcluding"));
        List<Action<Utf8JsonWriter>> items;
        try
        {
            items = rows(call, from, to, offset);
        }
        catch (FakeRefusal refusal)
        {
            return FakeCall.Invalid(refusal.Message);
        }
        if (failureThreshold is int threshold && items.Count > threshold)
        {
            return Envelope.Failed("Nullable object must have a value.",
                "System.InvalidOperationException: Nullable object must have a value.\r\n   at System.Nullable`1.get_Value()");
        }
        return Envelope.Succeeded(w =>
        {
            w.WriteStartArray();
            foreach (var item in items) item(w);
            w.WriteEndArray();
        });
    }

    private List<Action<Utf8JsonWriter>> WorkerResults(FakeCall call, DateTime from, DateTime to, TimeSpan offset)
    {
        var text = call.Text("profileID");
        if (text != null && (!(call.Int("profileID") is int p) || p <= 0))
        {
            // What the real server answers to profileID=0 (sent by wrappers that do not omit unset numbers).
            throw new FakeRefusal("Specified argument was out of the range of valid values.");
        }
        var profileId = call.Int("profileID");
        var user = call.Text("userName");
        return _history.Runs(from, to)
            .Where(r => profileId == null || r.ProfileId == profileId)
            .Where(r => user == null || string.Equals(r.UserName, user, StringComparison.OrdinalIgnoreCase))
            .Select(r => (Action<Utf8JsonWriter>)(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("id", r.Id);
                w.WriteString("userName", r.UserName);
                w.WriteNumber("profileId", r.ProfileId);
                w.WriteString("profileName", r.ProfileName);
                w.WriteString("result", r.Result);
                w.WriteNumber("itemsArchived", r.ItemsArchived);
                w.WriteString("startTime", FakeTimeZones.Format(r.StartUtc, offset));
                w.WriteString("completeTime", FakeTimeZones.Format(r.CompleteUtc, offset));
                w.WriteString("machineName", "FAKE-MAILSTORE");
                w.WriteEndObject();
            })).ToList();
    }

    private List<Action<Utf8JsonWriter>> JobResults(FakeCall call, DateTime from, DateTime to, TimeSpan offset)
    {
        var jobId = call.Int("jobId");
        return GeneratedJobRuns(from, to).Concat(_state.JobRuns.Where(r => r.StartUtc >= from && r.StartUtc < to))
            .Where(r => jobId == null || r.JobId == jobId)
            .OrderBy(r => r.StartUtc)
            .Select(r => (Action<Utf8JsonWriter>)(w =>
            {
                DateTime? complete;
                string? result;
                lock (r)
                {
                    complete = r.CompleteUtc;
                    result = r.Result;
                }
                w.WriteStartObject();
                w.WriteNumber("jobResultId", r.Id);
                w.WriteNumber("jobId", r.JobId);
                w.WriteString("action", r.Action);
                w.WriteString("startTime", FakeTimeZones.Format(r.StartUtc, offset));
                if (complete is DateTime c) w.WriteString("completeTime", FakeTimeZones.Format(c, offset)); else w.WriteNull("completeTime");
                if (result == null) w.WriteNull("result"); else w.WriteString("result", result);
                w.WriteEndObject();
            })).ToList();
    }

    /// <summary>Job 1 every night at 01:30, succeeded; job 2 on Sundays at 04:00, the latest one failed.</summary>
    private IEnumerable<FakeJobRun> GeneratedJobRuns(DateTime from, DateTime to)
    {
        var anchor = _history.Anchor;
        var lastSunday = anchor.Date.AddDays(-(int)anchor.DayOfWeek).AddHours(4);
        if (lastSunday > anchor) lastSunday = lastSunday.AddDays(-7);
        for (var day = from.Date; day < to; day = day.AddDays(1))
        {
            var nightly = day.AddMinutes(90);
            if (nightly >= from && nightly < to && nightly < anchor)
            {
                yield return new FakeJobRun((long)(day - new DateTime(2020, 1, 1)).TotalDays * 16 + 1, 1, "CreateBackup", nightly, nightly.AddMinutes(42), "succeeded");
            }
            var weekly = day.AddHours(4);
            if (day.DayOfWeek == DayOfWeek.Sunday && weekly >= from && weekly < to && weekly <= lastSunday)
            {
                yield return new FakeJobRun((long)(day - new DateTime(2020, 1, 1)).TotalDays * 16 + 2, 2, "CompactMasterDatabase", weekly, weekly.AddMinutes(7),
                    weekly == lastSunday ? "failed" : "succeeded");
            }
        }
    }
}

/// <summary>A refusal found while reading the rows: answered as a failed envelope.</summary>
internal sealed class FakeRefusal(string message) : Exception(message);
