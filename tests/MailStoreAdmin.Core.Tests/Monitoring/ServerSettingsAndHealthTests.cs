using System.Collections;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Monitoring;
using MailStoreAdmin.FakeServers.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Monitoring;

public class ServerSettingsAndHealthTests
{
    [Fact]
    public async Task Smtp_settings_are_read_modified_and_written_with_the_password_kept_out_of_every_log()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext(debug: true);
        await MsServerSettingsOperations.SetSmtpSettingsAsync(connection, new Hashtable { ["port"] = 465 }, "Smtp-S3cret!", true, context, CancellationToken.None);
        var state = FakeMonitoringFunctions.Of(server).State;
        Assert.Equal("Smtp-S3cret!", state.SmtpPassword);
        Assert.Equal(465, (int)state.SmtpSettings["port"]!);
        Assert.Equal("smtp.example.com", (string)state.SmtpSettings["host"]!);
        Assert.Equal("MailStore Server", (string)state.SmtpSettings["fromDisplayName"]!);
        Assert.DoesNotContain("Smtp-S3cret!", context.AllText());
        Assert.DoesNotContain("Smtp-S3cret!", string.Join("\n", context.ShouldProcessTargets));
        Assert.Equal(MsServerSettingsOperations.SmtpSettingsTypeName, context.Single<PlainObject>().TypeName);

        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsServerSettingsOperations.SetSmtpSettingsAsync(connection,
            new Hashtable { ["password"] = "plain" }, null, false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("SmtpPasswordInSettings", e.ErrorId);
        Assert.Empty(server.Calls);

        context = new RecordingContext();
        await MsServerSettingsOperations.TestSmtpSettingsAsync(connection, context, CancellationToken.None);
        Assert.Equal("succeeded", context.Single<MsTaskResult>().StatusCode);
    }

    [Fact]
    public async Task Status_reports_are_checked_before_sending()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        await MsServerSettingsOperations.SendStatusReportAsync(connection, "Yesterday", new[] { "a@example.com", "b@example.com" }, null, new RecordingContext(), CancellationToken.None);
        Assert.Equal("yesterday to a@example.com,b@example.com", Assert.Single(FakeMonitoringFunctions.Of(server).State.SentReports));
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsServerSettingsOperations.SendStatusReportAsync(connection, "lastyear", new[] { "a@example.com" }, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("StatusReportPeriodInvalid", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsServerSettingsOperations.SendStatusReportAsync(connection, "today", new[] { "nobody" }, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("StatusReportRecipientInvalid", e.ErrorId);
        Assert.Single(server.CallsTo("SendStatusReport"));
    }

    [Fact]
    public async Task Licence_and_plain_objects_are_read()
    {
        await using var server = await Fake.StartAsync(o => o.LicenseNamedUsers = 45);
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsServerSettingsOperations.GetLicenseAsync(connection, context, CancellationToken.None);
        Assert.Equal(90, context.Single<MsLicense>().UsedPercent);
        context = new RecordingContext();
        await MsServerSettingsOperations.GetPlainAsync(connection, "GetTimeZones", MsServerSettingsOperations.TimeZoneTypeName, context, CancellationToken.None);
        Assert.Contains(context.Of<PlainObject>(), z => (string?)z["id"] == "UTC");
    }

    [Fact]
    public async Task The_health_check_against_the_fake_finds_what_the_history_holds()
    {
        await using var server = await Fake.StartAsync(o => o.LicenseNamedUsers = 46);
        using var connection = await Fake.ConnectAsync(server);
        var checks = await MsHealthOperations.RunChecksAsync(connection, new MsHealthOptions { MinimumVersion = new Version(26, 1) }, new RecordingContext(), CancellationToken.None);
        MsHealthStatus Of(string category, string name) => checks.Single(c => c.Category == category && c.Name == name).Status;

        Assert.Equal(MsHealthStatus.OK, Of("Profile", "Exchange mailboxes"));
        Assert.Equal(MsHealthStatus.Critical, Of("Profile", "Microsoft 365 journal"));
        Assert.Equal(MsHealthStatus.Warning, Of("Profile", "IMAP info@example.com"));
        Assert.Equal(MsHealthStatus.Critical, Of("Profile", "Gmail sales"));
        Assert.DoesNotContain(checks, c => c.Name == "PST import");
        Assert.Equal(MsHealthStatus.OK, Of("Job", "Nightly backup"));
        Assert.Equal(MsHealthStatus.Critical, Of("Job", "Weekly compaction"));
        Assert.DoesNotContain(checks, c => c.Name == "Refresh statistics");
        Assert.Equal(MsHealthStatus.Critical, Of("Store", "Archive 2026"));
        Assert.Equal(MsHealthStatus.Warning, Of("Store", "Archive 2025"));
        Assert.Equal(MsHealthStatus.Warning, Of("License", "named users"));
        Assert.Equal(MsHealthStatus.Warning, Of("Version", "server"));
        Assert.StartsWith("overdue", checks.Single(c => c.Name == "Gmail sales").Message);
    }

    [Fact]
    public async Task Named_profiles_are_checked_even_without_server_side_execution_and_a_missing_name_is_unknown()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var checks = await MsHealthOperations.RunChecksAsync(connection, new MsHealthOptions { Profiles = new[] { "PST*", "Nope" } }, new RecordingContext(), CancellationToken.None);
        Assert.Equal(MsHealthStatus.Critical, checks.Single(c => c.Name == "PST import").Status);
        Assert.Equal(MsHealthStatus.Unknown, checks.Single(c => c.Name == "Nope").Status);
        Assert.DoesNotContain(checks, c => c.Name == "Exchange mailboxes");
    }

    [Fact]
    public async Task A_hung_server_gives_unknown_checks_within_the_timeout_and_the_rest_still_reports()
    {
        await using var server = await Fake.StartAsync(o => o.HangingFunctions.Add("GetProfiles"));
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        int? code = null;
        await MsHealthOperations.TestArchiveHealthAsync(connection, new MsHealthOptions { Timeout = TimeSpan.FromSeconds(2) }, MsSensorFormat.Object, c => code = c,
            context, CancellationToken.None);
        var checks = context.Of<MsHealthCheck>();
        var profiles = checks.Single(c => c.Category == "Profile");
        Assert.Equal(MsHealthStatus.Unknown, profiles.Status);
        Assert.Contains("did not answer within 2 s", profiles.Message);
        Assert.Contains(checks, c => c.Category == "Store" && c.Status == MsHealthStatus.Critical);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Thresholds_that_contradict_each_other_are_refused_before_sending()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsHealthOperations.TestArchiveHealthAsync(connection,
            new MsHealthOptions { LicenseWarning = 95, LicenseCritical = 90 }, MsSensorFormat.Prtg, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("HealthCheckArgumentInvalid", e.ErrorId);
        Assert.Empty(server.Calls);
    }
}

public class HealthCategoryTests
{
    [Fact]
    public async Task Only_the_chosen_categories_are_read_and_an_unknown_one_is_refused()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        var checks = await MsHealthOperations.RunChecksAsync(connection, new MsHealthOptions { Categories = new[] { "license" }, MinimumVersion = new Version(1, 0) },
            new RecordingContext(), CancellationToken.None);
        Assert.Equal("License", Assert.Single(checks).Category);
        Assert.Equal(new[] { "GetLicenseInformation" }, server.Calls.Select(c => c.Function));

        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdmin.Core.Errors.MailStoreAdminException>(() => MsHealthOperations.TestArchiveHealthAsync(connection,
            new MsHealthOptions { Categories = new[] { "Disk" } }, MsSensorFormat.Object, null, new RecordingContext(), CancellationToken.None));
        Assert.Equal("HealthCheckArgumentInvalid", e.ErrorId);
        Assert.Empty(server.Calls);
    }
}
