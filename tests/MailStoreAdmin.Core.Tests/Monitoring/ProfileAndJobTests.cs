using System.Collections;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.FakeServers.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Monitoring;

public class ProfileAndJobTests
{
    [Fact]
    public async Task Profiles_are_typed_with_raw_details_and_filtered_by_wildcard()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsProfileOperations.GetProfilesAsync(connection, "*i*", null, context, CancellationToken.None);
        var profiles = context.Of<MsProfile>();
        Assert.Contains(profiles, p => p.Name == "IMAP info@example.com" && p.Connector == "Imap" && p.ServerSideExecution && p.PauseBetweenExecutions == 1440 && p.Owner == "admin");
        Assert.Contains(profiles, p => p.Name == "PST import" && !p.ServerSideExecution);
        Assert.Equal("imap.example.com", ((IDictionary)profiles.Single(p => p.Id == 3).Details!["details"]!)["host"]);
        Assert.Equal("true", Assert.Single(server.CallsTo("GetProfiles")).Form["raw"]);

        context = new RecordingContext();
        await MsProfileOperations.GetProfilesAsync(connection, "No such profile", new[] { 99 }, context, CancellationToken.None);
        Assert.Equal(new[] { "MailStoreProfileNotFound", "MailStoreProfileNotFound" }, context.Errors.Select(e => e.ErrorId));
    }

    [Fact]
    public async Task Running_a_profile_follows_the_task_and_an_unknown_profile_is_refused_before_running()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsProfileOperations.RunProfileAsync(connection, 1, false, context, CancellationToken.None);
        var result = context.Single<MsTaskResult>();
        Assert.Equal("succeeded", result.StatusCode);
        Assert.Contains(result.Log, l => l.Contains("30 messages archived"));
        Assert.Contains("Run profile 1 'Exchange mailboxes'", context.ShouldProcessTargets.Single());
        // The run shows up in the history.
        var rows = new RecordingContext();
        await MsWorkerResultOperations.GetWorkerResultsAsync(connection, null, null, TimeSpan.FromMinutes(5), 1, null, rows, CancellationToken.None);
        Assert.Contains(rows.Of<MsWorkerResult>(), r => r.ItemsArchived == 30 && r.Result == "succeeded");

        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsProfileOperations.RunProfileAsync(connection, 42, false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreProfileNotFound", e.ErrorId);
        Assert.Empty(server.CallsTo("RunProfile"));
    }

    [Fact]
    public async Task Server_side_execution_keeps_the_values_not_given_and_whatif_sends_nothing()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var whatIf = new RecordingContext { Confirm = false };
        await MsProfileOperations.SetServerSideExecutionAsync(connection, 3, new Hashtable { ["automatic"] = false }, false, whatIf, CancellationToken.None);
        Assert.Empty(server.CallsTo("SetProfileServerSideExecution"));
        Assert.Contains("automatic=False", whatIf.ShouldProcessTargets.Single());

        var context = new RecordingContext();
        await MsProfileOperations.SetServerSideExecutionAsync(connection, 3, new Hashtable { ["automatic"] = false }, true, context, CancellationToken.None);
        var call = Assert.Single(server.CallsTo("SetProfileServerSideExecution"));
        Assert.Equal("false", call.Form["automatic"]);
        Assert.Equal("1440", call.Form["automaticPauseBetweenExecutions"]);
        Assert.False(call.Form.ContainsKey("automaticMaintenanceWindows"));
        Assert.False(context.Single<MsProfile>().ServerSideExecution);

        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsProfileOperations.SetServerSideExecutionAsync(connection, 3,
            new Hashtable { ["interval"] = 5 }, false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("ProfileExecutionSettingUnknown", e.ErrorId);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Profiles_are_created_run_temporarily_and_removed()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsProfileOperations.NewProfileAsync(connection, new Hashtable { ["name"] = "New IMAP", ["connector"] = "Imap", ["password"] = "S3cret-Imap" }, context, CancellationToken.None);
        var created = context.Single<MsProfile>();
        Assert.Equal("New IMAP", created.Name);
        Assert.DoesNotContain("S3cret-Imap", context.AllText());

        context = new RecordingContext();
        await MsProfileOperations.RunTemporaryProfileAsync(connection, "{\"name\":\"once\",\"connector\":\"Imap\"}", false, context, CancellationToken.None);
        Assert.Equal("succeeded", context.Single<MsTaskResult>().StatusCode);
        Assert.Equal("true", Assert.Single(server.CallsTo("RunTemporaryProfile")).Form["raw"]);

        await MsProfileOperations.RemoveProfileAsync(connection, created.Id, new RecordingContext(), CancellationToken.None);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsProfileOperations.RemoveProfileAsync(connection, created.Id, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreProfileNotFound", e.ErrorId);
        Assert.Single(server.CallsTo("DeleteProfile"));
        var bad = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsProfileOperations.NewProfileAsync(connection, "not json", new RecordingContext(), CancellationToken.None));
        Assert.Equal("ProfilePropertiesInvalid", bad.ErrorId);
    }

    [Fact]
    public async Task Jobs_are_typed_with_their_schedules()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsJobOperations.GetJobsAsync(connection, null, null, context, CancellationToken.None);
        var jobs = context.Of<MsJob>();
        Assert.Equal(MsJobScheduleKind.Daily, jobs.Single(j => j.Id == 1).Schedule!.Kind);
        Assert.Equal(TimeSpan.FromMinutes(90), jobs.Single(j => j.Id == 1).Schedule!.Time);
        Assert.Equal(DayOfWeek.Sunday, jobs.Single(j => j.Id == 2).Schedule!.DayOfWeek);
        Assert.Equal(MsJobScheduleKind.Interval, jobs.Single(j => j.Id == 3).Schedule!.Kind);
        Assert.False(jobs.Single(j => j.Id == 3).Enabled);
    }

    [Theory]
    [InlineData(MsJobScheduleKind.Interval, null, 7, null)]
    [InlineData(MsJobScheduleKind.Daily, null, null, null)]
    [InlineData(MsJobScheduleKind.Monthly, 120, null, "32")]
    [InlineData(MsJobScheduleKind.Weekly, 120, null, null)]
    public void Schedules_the_server_does_not_allow_are_refused(MsJobScheduleKind kind, int? atMinutes, int? every, string? dayOfMonth)
    {
        var e = Assert.Throws<MailStoreAdminException>(() => MsJobSchedule.Create(kind, atMinutes == null ? null : TimeSpan.FromMinutes(atMinutes.Value), null, null, dayOfMonth, every, null));
        Assert.Equal("JobScheduleInvalid", e.ErrorId);
        Assert.Throws<MailStoreAdminException>(() => MsJobSchedule.Create(MsJobScheduleKind.Daily, TimeSpan.FromSeconds(90), null, null, null, null, null));
    }

    [Fact]
    public async Task Creating_renaming_rescheduling_and_disabling_a_job_sends_what_changes()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        var schedule = MsJobSchedule.Create(MsJobScheduleKind.Monthly, TimeSpan.FromHours(2), null, null, "last", null, null);
        await MsJobOperations.NewJobAsync(connection, "Monthly verify", "VerifyStore", null, schedule, context, CancellationToken.None);
        var job = context.Single<MsJob>();
        Assert.Equal("Last", job.Schedule!.DayOfMonth);
        var create = Assert.Single(server.CallsTo("CreateJob"));
        Assert.Equal("02:00", create.Form["time"]);
        Assert.Equal("$Local", create.Form["timeZoneId"]);
        Assert.Equal("admin", create.Form["owner"]);
        Assert.False(create.Form.ContainsKey("interval"));

        context = new RecordingContext();
        await MsJobOperations.SetJobAsync(connection, job.Id, "Verify monthly", MsJobSchedule.Create(MsJobScheduleKind.Interval, null, null, null, null, 30, null), false, true,
            context, CancellationToken.None);
        var changed = context.Single<MsJob>();
        Assert.Equal(("Verify monthly", 30, false), (changed.Name, changed.Schedule!.Interval, changed.Enabled));

        server.ClearCalls();
        await MsJobOperations.SetJobAsync(connection, job.Id, "Verify monthly", MsJobSchedule.Create(MsJobScheduleKind.Interval, null, null, null, null, 30, null),
            false, false, new RecordingContext(), CancellationToken.None);
        Assert.DoesNotContain(server.Calls, c => c.Function != "GetJobs");

        var unknown = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsJobOperations.NewJobAsync(connection, "x", "NoSuchFunction", null, schedule, new RecordingContext(), CancellationToken.None));
        Assert.Equal("JobActionUnknown", unknown.ErrorId);
        Assert.Empty(server.CallsTo("CreateJob"));
    }

    [Fact]
    public async Task Start_job_with_wait_follows_the_run_to_its_result_and_removal_checks_existence()
    {
        await using var server = await Fake.StartAsync(o => o.JobRunDuration = TimeSpan.FromMilliseconds(200));
        using var connection = await Fake.ConnectAsync(server);
        MsJobOperations.WaitPollInterval = TimeSpan.FromMilliseconds(50);
        var context = new RecordingContext();
        await MsJobOperations.StartJobAsync(connection, 1, true, context, CancellationToken.None);
        var result = context.Single<MsJobResult>();
        Assert.Equal(("succeeded", 1), (result.Result, result.JobId));
        Assert.Empty(context.Errors);
        Assert.Single(server.CallsTo("RunJobAsync"));
        Assert.All(server.CallsTo("GetJobResults"), c => Assert.Equal("UTC", c.Form["timeZoneId"]));

        await MsJobOperations.RemoveJobAsync(connection, 3, new RecordingContext(), CancellationToken.None);
        Assert.Equal("3", Assert.Single(server.CallsTo("DeleteJob")).Form["id"]);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsJobOperations.StopJobAsync(connection, 3, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreJobNotFound", e.ErrorId);
        Assert.Empty(server.CallsTo("CancelJobAsync"));
    }

    [Fact]
    public async Task Job_results_are_read_in_time_order()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsJobOperations.GetJobResultsAsync(connection, null, null, TimeSpan.FromDays(15), null, context, CancellationToken.None);
        var results = context.Of<MsJobResult>();
        Assert.InRange(results.Count(r => r.JobId == 1), 14, 15);
        Assert.InRange(results.Count(r => r.JobId == 2), 2, 3);
        Assert.Equal("failed", results.Last(r => r.JobId == 2).Result);
        Assert.Equal(results.OrderBy(r => r.StartTime).Select(r => r.Id), results.Select(r => r.Id));
    }
}
