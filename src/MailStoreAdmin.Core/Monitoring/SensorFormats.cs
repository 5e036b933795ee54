using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.Core.Monitoring
{
    public enum MsSensorFormat
    {
        Object,
        Prtg,
        CheckMk,
        Nagios,
    }

    /// <summary>
    /// The three monitoring outputs of a list of checks: PRTG's EXE/Script Advanced JSON, Checkmk local-check lines,
    /// and a Nagios plugin's first line with performance data (plus the exit code, <see cref="NagiosExitCode"/>).
    /// </summary>
    public static class SensorFormats
    {
        /// <summary>PRTG's documented channel limit per sensor.</summary>
        public const int PrtgMaxChannels = 50;

        private const int PrtgMaxText = 2000;
        private static readonly Regex Unsafe = new Regex(@"[^A-Za-z0-9_.\-]+", RegexOptions.CultureInvariant);

        /// <summary>
        /// PRTG: one channel per check whose value is its state (0 OK, 1 Warning, 2 Critical, 3 Unknown) with limits
        /// that turn 1 into a warning and 2+ into an error, then a channel per metric that has thresholds, up to 50.
        /// When every check is Unknown the whole sensor failed: error 1 and the reasons.
        /// </summary>
        public static string Prtg(IReadOnlyList<MsHealthCheck> checks)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteStartObject("prtg");
                if (checks.Count == 0 || checks.All(c => c.Status == MsHealthStatus.Unknown))
                {
                    w.WriteNumber("error", 1);
                    w.WriteString("text", Truncate(checks.Count == 0 ? "No checks ran." : Summary(checks), PrtgMaxText));
                }
                else
                {
                    w.WriteStartArray("result");
                    var channels = 0;
                    var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var check in checks)
                    {
                        if (channels == PrtgMaxChannels) break;
                        WritePrtgChannel(w, Unique(names, check.Service), (int)check.Status, "Count", 0, 1);
                        channels++;
                    }
                    foreach (var (check, metric) in checks.SelectMany(c => c.Metrics.Where(m => m.Warning != null || m.Critical != null).Select(m => (c, m))))
                    {
                        if (channels == PrtgMaxChannels) break;
                        WritePrtgChannel(w, Unique(names, check.Service + " " + metric.Name), metric.Value, PrtgUnit(metric.Unit), metric.Warning, metric.Critical);
                        channels++;
                    }
                    w.WriteEndArray();
                    w.WriteString("text", Truncate(Summary(checks), PrtgMaxText));
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static void WritePrtgChannel(Utf8JsonWriter w, string channel, double value, string unit, double? warning, double? error)
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            var whole = value == Math.Floor(value);
            if (whole) w.WriteNumber("value", (long)value); else w.WriteNumber("value", value);
            w.WriteString("unit", unit);
            if (!whole) w.WriteNumber("float", 1);
            if (warning != null || error != null)
            {
                w.WriteNumber("limitmode", 1);
                if (warning is double warn) w.WriteNumber("limitmaxwarning", warn);
                if (error is double err) w.WriteNumber("limitmaxerror", err);
            }
            w.WriteEndObject();
        }

        private static string PrtgUnit(MsHealthUnit unit) =>
            unit == MsHealthUnit.Percent ? "Percent" : unit == MsHealthUnit.Seconds ? "TimeSeconds" : "Count";

        /// <summary>Checkmk: one local-check line per check: state, quoted service name, metrics (or -), text.</summary>
        public static IEnumerable<string> CheckMk(IReadOnlyList<MsHealthCheck> checks)
        {
            foreach (var check in checks)
            {
                var metrics = check.Metrics.Count == 0
                    ? "-"
                    : string.Join("|", check.Metrics.Select(m => $"{MetricName(m.Name)}={Number(m.Value)};{Number(m.Warning)};{Number(m.Critical)}"));
                yield return $"{(int)check.Status} \"MailStore {CheckMkName(check.Service)}\" {metrics} {SingleLine(check.Message)}";
            }
        }

        /// <summary>
        /// Nagios: the first line MAILSTORE STATE - summary | perfdata, then one line per check (long output).
        /// </summary>
        public static string Nagios(IReadOnlyList<MsHealthCheck> checks)
        {
            var overall = HealthRules.Overall(checks);
            var performance = string.Join(" ", checks.SelectMany(c => c.Metrics.Select(m => NagiosPerformance(c, m))));
            var first = $"MAILSTORE {NagiosState(overall)} - {SingleLine(checks.Count == 0 ? "no checks ran" : Summary(checks)).Replace("|", "/")}";
            if (performance.Length > 0) first += " | " + performance;
            var lines = new List<string> { first };
            lines.AddRange(checks.Select(c => $"{NagiosState(c.Status)}: {SingleLine(c.Service).Replace("|", "/")} - {SingleLine(c.Message).Replace("|", "/")}"));
            return string.Join("\n", lines);
        }

        /// <summary>0 OK, 1 Warning, 2 Critical, 3 Unknown; no checks at all is Unknown.</summary>
        public static int NagiosExitCode(IReadOnlyList<MsHealthCheck> checks) =>
            checks.Count == 0 ? (int)MsHealthStatus.Unknown : (int)HealthRules.Overall(checks);

        private static string NagiosState(MsHealthStatus status) =>
            status == MsHealthStatus.OK ? "OK" : status == MsHealthStatus.Warning ? "WARNING" : status == MsHealthStatus.Critical ? "CRITICAL" : "UNKNOWN";

        private static string NagiosPerformance(MsHealthCheck check, MsHealthMetric metric)
        {
            // Labels are quoted; a quote inside a label is doubled, as the plugin guidelines say.
            var label = (check.Service + " " + metric.Name).Replace("'", "''").Replace("=", "_");
            var uom = metric.Unit == MsHealthUnit.Percent ? "%" : metric.Unit == MsHealthUnit.Seconds ? "s" : "c";
            var text = $"'{label}'={Number(metric.Value)}{uom};{Number(metric.Warning)};{Number(metric.Critical)}";
            // The minimum is 0 for every metric here; a percentage also has a maximum.
            return text + ";0" + (metric.Unit == MsHealthUnit.Percent ? ";100" : string.Empty);
        }

        /// <summary>"N checks: x critical, y warning, z unknown: the messages of those not OK" (or all OK).</summary>
        public static string Summary(IReadOnlyList<MsHealthCheck> checks)
        {
            var bad = checks.Where(c => c.Status != MsHealthStatus.OK)
                .OrderByDescending(c => c.Status == MsHealthStatus.Critical).ThenByDescending(c => c.Status == MsHealthStatus.Warning).ToList();
            if (bad.Count == 0) return $"{checks.Count} checks OK";
            var counts = new[] { MsHealthStatus.Critical, MsHealthStatus.Warning, MsHealthStatus.Unknown }
                .Select(s => (s, n: checks.Count(c => c.Status == s))).Where(x => x.n > 0).Select(x => $"{x.n} {x.s.ToString().ToLowerInvariant()}");
            return $"{checks.Count} checks, {string.Join(", ", counts)}: {string.Join("; ", bad.Select(c => $"{c.Service}: {c.Message}"))}";
        }

        private static string Unique(HashSet<string> names, string name)
        {
            var candidate = name;
            for (int i = 2; !names.Add(candidate); i++) candidate = $"{name} ({i})";
            return candidate;
        }

        private static string MetricName(string name) => Unsafe.Replace(name, "_");

        private static string CheckMkName(string name) => SingleLine(name).Replace("\"", "'");

        private static string SingleLine(string text) => text.Replace("\r", " ").Replace("\n", " ");

        private static string Number(double? value) => value is double v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 3) + "...";
    }
}
