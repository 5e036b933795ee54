using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Monitoring;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Monitoring;

public class HealthRuleTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly MsProfile Profile = new() { Id = 7, Name = "Exchange", ServerSideExecution = true };

    private static MsWorkerResult Run(string result, double hoursAgo, long id = 1) => new()
    {
        Id = id, ProfileId = 7, Result = result, ItemsArchived = 10,
        StartTime = Now.AddHours(-hoursAgo).ToLocalTime(), CompleteTime = Now.AddHours(-hoursAgo).AddMinutes(5).ToLocalTime(),
    };

    private static MsHealthStatus StatusOf(params MsWorkerResult[] runs) => HealthRules.Profile(Profile, runs, Now, new MsHealthOptions()).Status;

    [Theory]
    [InlineData("succeeded", MsHealthStatus.OK)]
    [InlineData("completedWithWarnings", MsHealthStatus.OK)]
    [InlineData("completedWithErrors", MsHealthStatus.Warning)]
    [InlineData("cancelled", MsHealthStatus.Warning)]
    [InlineData("failed", MsHealthStatus.Critical)]
    [InlineData("disconnected", MsHealthStatus.Critical)]
    [InlineData("threadAbort", MsHealthStatus.Critical)]
    public void The_last_run_decides_with_the_default_levels(string result, MsHealthStatus expected)
    {
        // An earlier completed run keeps the profile from being overdue, so only the last run's result counts.
        Assert.Equal(expected, StatusOf(Run("succeeded", 5, 1), Run(result, 2, 2)));
    }

    [Fact]
    public void Levels_are_configurable()
    {
        var options = new MsHealthOptions { CompletedWithWarningsLevel = MsHealthStatus.Warning, CompletedWithErrorsLevel = MsHealthStatus.Critical, FailedLevel = MsHealthStatus.Warning };
        Assert.Equal(MsHealthStatus.Warning, HealthRules.Profile(Profile, new[] { Run("completedWithWarnings", 1) }, Now, options).Status);
        Assert.Equal(MsHealthStatus.Critical, HealthRules.Profile(Profile, new[] { Run("completedWithErrors", 1) }, Now, options).Status);
        Assert.Equal(MsHealthStatus.Warning, HealthRules.Profile(Profile, new[] { Run("succeeded", 3, 1), Run("failed", 1, 2) }, Now, options).Status);
    }

    [Fact]
    public void No_run_or_no_completed_run_within_max_age_is_overdue()
    {
        var none = HealthRules.Profile(Profile, Array.Empty<MsWorkerResult>(), Now, new MsHealthOptions());
        Assert.Equal(MsHealthStatus.Critical, none.Status);
        Assert.StartsWith("overdue", none.Message);

        // Only failures: critical even with the failed level lowered to Warning.
        var onlyFailed = HealthRules.Profile(Profile, new[] { Run("failed", 3, 1), Run("cancelled", 1, 2) }, Now, new MsHealthOptions { FailedLevel = MsHealthStatus.Warning });
        Assert.Equal(MsHealthStatus.Critical, onlyFailed.Status);
        Assert.Contains("no completed run within 26 h", onlyFailed.Message);
        Assert.Equal(1, onlyFailed.Metrics.Single(m => m.Name == "failed").Value);
    }

    [Fact]
    public void The_age_metric_is_measured_from_the_last_completed_run_against_max_age()
    {
        var check = HealthRules.Profile(Profile, new[] { Run("succeeded", 10, 1), Run("failed", 2, 2) }, Now, new MsHealthOptions { MaxAge = TimeSpan.FromHours(12) });
        var age = check.Metrics.Single(m => m.Name == "age");
        Assert.Equal(10 * 3600 - 300, age.Value);
        Assert.Equal(12 * 3600, age.Critical);
        Assert.Equal(MsHealthUnit.Seconds, age.Unit);
        Assert.Equal(2, check.Metrics.Single(m => m.Name == "runs").Value);
    }

    [Theory]
    [InlineData(44, 50, MsHealthStatus.OK)]
    [InlineData(45, 50, MsHealthStatus.Warning)]
    [InlineData(49, 50, MsHealthStatus.Warning)]
    [InlineData(50, 50, MsHealthStatus.Critical)]
    [InlineData(51, 50, MsHealthStatus.Critical)]
    public void Licence_usage_reaching_a_threshold_counts(int used, int max, MsHealthStatus expected)
    {
        var check = HealthRules.License(new MsLicense { NamedUsers = used, MaxNamedUsers = max }, new MsHealthOptions());
        Assert.Equal(expected, check.Status);
        var metric = check.Metrics.Single(m => m.Name == "license_used");
        Assert.Equal(Math.Round(100.0 * used / max, 1), metric.Value);
        Assert.Equal(90, metric.Warning);
        Assert.Equal(100, metric.Critical);
    }

    [Fact]
    public void Licence_thresholds_are_configurable_and_an_unlimited_licence_is_ok()
    {
        var options = new MsHealthOptions { LicenseWarning = 50, LicenseCritical = 80 };
        Assert.Equal(MsHealthStatus.Warning, HealthRules.License(new MsLicense { NamedUsers = 25, MaxNamedUsers = 50 }, options).Status);
        Assert.Equal(MsHealthStatus.Critical, HealthRules.License(new MsLicense { NamedUsers = 40, MaxNamedUsers = 50 }, options).Status);
        Assert.Equal(MsHealthStatus.OK, HealthRules.License(new MsLicense { NamedUsers = 400, MaxNamedUsers = 0 }, options).Status);
    }

    [Theory]
    [InlineData("25.3.1.23456", "25.3", MsHealthStatus.OK)]
    [InlineData("25.3.1.23456", "25.3.1.23456", MsHealthStatus.OK)]
    [InlineData("25.3.1.23456", "25.4", MsHealthStatus.Warning)]
    [InlineData("not a version", "25.4", MsHealthStatus.Unknown)]
    public void Version_below_the_minimum_warns(string version, string minimum, MsHealthStatus expected) =>
        Assert.Equal(expected, HealthRules.Version(version, Version.Parse(minimum)).Status);

    [Fact]
    public void Store_flags_map_to_states()
    {
        Assert.Equal(MsHealthStatus.OK, HealthRules.Store(new MsStore { Id = 1, Name = "A" }).Status);
        Assert.Equal(MsHealthStatus.Warning, HealthRules.Store(new MsStore { Id = 1, Name = "A", NeedsUpgrade = true }).Status);
        Assert.Equal(MsHealthStatus.Warning, HealthRules.Store(new MsStore { Id = 1, Name = "A", SearchIndexesNeedRebuild = true }).Status);
        var broken = HealthRules.Store(new MsStore { Id = 1, Name = "A", Error = "Cannot open", SearchIndexesNeedRebuild = true });
        Assert.Equal(MsHealthStatus.Critical, broken.Status);
        Assert.Contains("Cannot open", broken.Message);
        Assert.Contains("search indexes", broken.Message);
    }

    [Fact]
    public void A_job_is_critical_when_its_last_completed_run_failed()
    {
        var job = new MsJob { Id = 2, Name = "Backup", Enabled = true };
        MsJobResult Result(string? result, int daysAgo, long id) => new() { Id = id, JobId = 2, Result = result, StartTime = DateTime.Now.AddDays(-daysAgo), CompleteTime = result == null ? null : DateTime.Now.AddDays(-daysAgo) };
        Assert.Equal(MsHealthStatus.Critical, HealthRules.Job(job, new[] { Result("succeeded", 2, 1), Result("failed", 1, 2) }, new MsHealthOptions()).Status);
        Assert.Equal(MsHealthStatus.OK, HealthRules.Job(job, new[] { Result("failed", 2, 1), Result("succeeded", 1, 2), Result(null, 0, 3) }, new MsHealthOptions()).Status);
        Assert.Equal(MsHealthStatus.OK, HealthRules.Job(job, Array.Empty<MsJobResult>(), new MsHealthOptions()).Status);
    }

    [Fact]
    public void Overall_state_puts_critical_over_warning_over_unknown()
    {
        MsHealthCheck C(MsHealthStatus s) => new("X", s.ToString(), s, "m");
        Assert.Equal(MsHealthStatus.OK, HealthRules.Overall(new[] { C(MsHealthStatus.OK) }));
        Assert.Equal(MsHealthStatus.Unknown, HealthRules.Overall(new[] { C(MsHealthStatus.OK), C(MsHealthStatus.Unknown) }));
        Assert.Equal(MsHealthStatus.Warning, HealthRules.Overall(new[] { C(MsHealthStatus.Unknown), C(MsHealthStatus.Warning) }));
        Assert.Equal(MsHealthStatus.Critical, HealthRules.Overall(new[] { C(MsHealthStatus.Warning), C(MsHealthStatus.Critical), C(MsHealthStatus.Unknown) }));
    }
}
