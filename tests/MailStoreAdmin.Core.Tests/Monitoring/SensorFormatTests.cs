using System.Text.Json;
using System.Text.RegularExpressions;
using MailStoreAdmin.Core.Monitoring;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Monitoring;

/// <summary>Each output checked against its documented grammar (see the monitoring formats reference).</summary>
public class SensorFormatTests
{
    private static readonly MsHealthCheck[] Checks =
    {
        new("Profile", "Exchange mailboxes", MsHealthStatus.OK, "last run 2026-12-03 11:05 succeeded",
            new[] { new MsHealthMetric("runs", 24, MsHealthUnit.Count), new MsHealthMetric("age", 3300, MsHealthUnit.Seconds, null, 93600) }),
        new("Profile", "IMAP \"info\" | sales", MsHealthStatus.Warning, "last run completedWithErrors\nsecond line"),
        new("License", "named users", MsHealthStatus.Critical, "50 of 50 named users (100 %)",
            new[] { new MsHealthMetric("license_used", 100, MsHealthUnit.Percent, 90, 100), new MsHealthMetric("named_users", 50, MsHealthUnit.Count, null, 50) }),
        MsHealthCheck.Unknown("Job", "jobs", "the server did not answer within 60 s"),
    };

    [Fact]
    public void Prtg_is_the_exe_script_advanced_json_with_a_status_channel_per_check_and_limited_metric_channels()
    {
        using var document = JsonDocument.Parse(SensorFormats.Prtg(Checks));
        var prtg = document.RootElement.GetProperty("prtg");
        Assert.False(prtg.TryGetProperty("error", out _));
        var channels = prtg.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(Checks.Length + 3, channels.Count);
        Assert.Equal(channels.Count, channels.Select(c => c.GetProperty("channel").GetString()).Distinct().Count());
        var license = channels.Single(c => c.GetProperty("channel").GetString() == "License named users");
        Assert.Equal(2, license.GetProperty("value").GetInt32());
        Assert.Equal(1, license.GetProperty("limitmode").GetInt32());
        Assert.Equal(0, license.GetProperty("limitmaxwarning").GetDouble());
        Assert.Equal(1, license.GetProperty("limitmaxerror").GetDouble());
        var percent = channels.Single(c => c.GetProperty("channel").GetString() == "License named users license_used");
        Assert.Equal("Percent", percent.GetProperty("unit").GetString());
        Assert.Equal(90, percent.GetProperty("limitmaxwarning").GetDouble());
        Assert.Equal(100, percent.GetProperty("limitmaxerror").GetDouble());
        Assert.Equal("TimeSeconds", channels.Single(c => c.GetProperty("channel").GetString()!.EndsWith(" age")).GetProperty("unit").GetString());
        Assert.All(channels, c => Assert.True(c.GetProperty("value").ValueKind == JsonValueKind.Number));
        Assert.StartsWith("4 checks, 1 critical, 1 warning, 1 unknown: License named users", prtg.GetProperty("text").GetString());
    }

    [Fact]
    public void Prtg_reports_a_total_failure_as_error_and_keeps_to_fifty_channels()
    {
        using var failed = JsonDocument.Parse(SensorFormats.Prtg(new[] { MsHealthCheck.Unknown("Profile", "profiles", "HTTP 401") }));
        var prtg = failed.RootElement.GetProperty("prtg");
        Assert.Equal(1, prtg.GetProperty("error").GetInt32());
        Assert.Contains("HTTP 401", prtg.GetProperty("text").GetString());
        Assert.False(prtg.TryGetProperty("result", out _));

        var many = Enumerable.Range(1, 80).Select(i => new MsHealthCheck("Store", $"S{i}", MsHealthStatus.OK, "ok")).ToArray();
        using var big = JsonDocument.Parse(SensorFormats.Prtg(many));
        Assert.Equal(SensorFormats.PrtgMaxChannels, big.RootElement.GetProperty("prtg").GetProperty("result").GetArrayLength());
    }

    // state, quoted service, metrics (name=value;warn;crit joined by |) or -, text without line breaks.
    private static readonly Regex CheckMkLine = new(
        @"^(?<state>[0-3]) ""(?<service>[^""\r\n]+)"" (?<metrics>-|[A-Za-z0-9_.\-]+=-?[0-9.]+;[0-9.]*;[0-9.]*(\|[A-Za-z0-9_.\-]+=-?[0-9.]+;[0-9.]*;[0-9.]*)*) (?<text>[^\r\n]+)$");

    [Fact]
    public void CheckMk_writes_one_local_check_line_per_check()
    {
        var lines = SensorFormats.CheckMk(Checks).ToList();
        Assert.Equal(Checks.Length, lines.Count);
        var matches = lines.Select(l => CheckMkLine.Match(l)).ToList();
        Assert.All(matches, m => Assert.True(m.Success, m.Value));
        Assert.Equal(new[] { "0", "1", "2", "3" }, matches.Select(m => m.Groups["state"].Value));
        Assert.Equal("MailStore Profile Exchange mailboxes", matches[0].Groups["service"].Value);
        Assert.Equal("runs=24;;|age=3300;;93600", matches[0].Groups["metrics"].Value);
        Assert.Equal("-", matches[1].Groups["metrics"].Value);
        Assert.Equal("last run completedWithErrors second line", matches[1].Groups["text"].Value);
        Assert.Equal("license_used=100;90;100|named_users=50;;50", matches[2].Groups["metrics"].Value);
    }

    // SERVICE STATE - text | 'label'=value[UOM];[warn];[crit];[min];[max] ...
    private static readonly Regex NagiosFirstLine = new(
        @"^MAILSTORE (?<state>OK|WARNING|CRITICAL|UNKNOWN) - (?<text>[^|\r\n]+?)( \| (?<perf>('([^']|'')+'=-?[0-9.]+(s|ms|us|%|B|KB|MB|GB|TB|c)?(;[0-9.]*){0,4} ?)+))?$");

    [Fact]
    public void Nagios_writes_the_state_line_with_performance_data_then_long_output()
    {
        var lines = SensorFormats.Nagios(Checks).Split('\n');
        var first = NagiosFirstLine.Match(lines[0]);
        Assert.True(first.Success, lines[0]);
        Assert.Equal("CRITICAL", first.Groups["state"].Value);
        Assert.Contains("'License named users license_used'=100%;90;100;0;100", first.Groups["perf"].Value);
        Assert.Contains("'Profile Exchange mailboxes age'=3300s;;93600;0", first.Groups["perf"].Value);
        Assert.Contains("'Profile Exchange mailboxes runs'=24c;;;0", first.Groups["perf"].Value);
        Assert.Equal(Checks.Length + 1, lines.Length);
        Assert.Equal("WARNING: Profile IMAP \"info\" / sales - last run completedWithErrors second line", lines[2]);
        Assert.Equal(2, SensorFormats.NagiosExitCode(Checks));
    }

    [Theory]
    [InlineData(MsHealthStatus.OK, 0, "OK")]
    [InlineData(MsHealthStatus.Warning, 1, "WARNING")]
    [InlineData(MsHealthStatus.Critical, 2, "CRITICAL")]
    [InlineData(MsHealthStatus.Unknown, 3, "UNKNOWN")]
    public void Nagios_exit_codes_follow_the_plugin_convention(MsHealthStatus status, int code, string state)
    {
        var checks = new[] { new MsHealthCheck("Store", "A", MsHealthStatus.OK, "ok"), new MsHealthCheck("Store", "B", status, "b") };
        Assert.Equal(code, SensorFormats.NagiosExitCode(checks));
        Assert.StartsWith($"MAILSTORE {state} - ", SensorFormats.Nagios(checks));
        Assert.Equal(3, SensorFormats.NagiosExitCode(Array.Empty<MsHealthCheck>()));
    }
}
