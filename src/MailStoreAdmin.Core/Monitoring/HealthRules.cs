using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Core.Monitoring
{
    /// <summary>
    /// The health rules, as pure functions of what was read from the server, so every threshold is tested without a
    /// server. Times are compared in UTC.
    /// </summary>
    public static class HealthRules
    {
        public const string ProfileCategory = "Profile";
        public const string JobCategory = "Job";
        public const string StoreCategory = "Store";
        public const string LicenseCategory = "License";
        public const string VersionCategory = "Version";

        public static readonly IReadOnlyList<string> Categories = new[] { ProfileCategory, JobCategory, StoreCategory, LicenseCategory, VersionCategory };

        /// <summary>
        /// A profile: the state of its last run (levels from the options), and Critical when no run completed within
        /// MaxAge (overdue). <paramref name="runs"/> are the profile's runs within MaxAge.
        /// </summary>
        public static MsHealthCheck Profile(MsProfile profile, IReadOnlyCollection<MsWorkerResult> runs, DateTime nowUtc, MsHealthOptions options)
        {
            var name = profile.Name ?? profile.Id.ToString(CultureInfo.InvariantCulture);
            var ordered = runs.OrderBy(r => r.StartTime ?? DateTime.MinValue).ThenBy(r => r.Id).ToList();
            var last = ordered.LastOrDefault();
            var lastCompleted = ordered.LastOrDefault(r => MsWorkerResultStatus.IsCompleted(r.Result));
            var failed = ordered.Count(r => !MsWorkerResultStatus.IsCompleted(r.Result) && !MsWorkerResultStatus.Is(r.Result, MsWorkerResultStatus.Cancelled));
            var maxAgeSeconds = options.MaxAge.TotalSeconds;
            var metrics = new List<MsHealthMetric>
            {
                new MsHealthMetric("runs", ordered.Count, MsHealthUnit.Count),
                new MsHealthMetric("failed", failed, MsHealthUnit.Count),
                new MsHealthMetric("items", ordered.Sum(r => r.ItemsArchived ?? 0), MsHealthUnit.Count),
            };
            var window = Hours(options.MaxAge);
            if (lastCompleted != null)
            {
                var age = Math.Max(0, Math.Round((nowUtc - ToUtc(lastCompleted.CompleteTime ?? lastCompleted.StartTime)).TotalSeconds));
                metrics.Add(new MsHealthMetric("age", age, MsHealthUnit.Seconds, null, maxAgeSeconds));
            }
            if (last == null)
            {
                return new MsHealthCheck(ProfileCategory, name, MsHealthStatus.Critical, $"overdue: no run within {window}", metrics);
            }
            var status = LevelOf(last.Result, options);
            var message = $"last run {When(last.StartTime)} {last.Result}";
            if (failed > 0) message += $"; {failed} of {ordered.Count} runs failed within {window}";
            if (lastCompleted == null)
            {
                status = MsHealthStatus.Critical;
                message = $"overdue: no completed run within {window}; " + message;
            }
            return new MsHealthCheck(ProfileCategory, name, status, message, metrics);
        }

        /// <summary>The state a run's result maps to.</summary>
        public static MsHealthStatus LevelOf(string? result, MsHealthOptions options)
        {
            if (MsWorkerResultStatus.Is(result, MsWorkerResultStatus.Succeeded)) return MsHealthStatus.OK;
            if (MsWorkerResultStatus.Is(result, MsWorkerResultStatus.CompletedWithWarnings)) return options.CompletedWithWarningsLevel;
            if (MsWorkerResultStatus.Is(result, MsWorkerResultStatus.CompletedWithErrors)) return options.CompletedWithErrorsLevel;
            if (MsWorkerResultStatus.Is(result, MsWorkerResultStatus.Cancelled)) return options.CancelledLevel;
            // failed, disconnected, threadAbort, and anything a newer server may add, count as failed.
            return options.FailedLevel;
        }

        /// <summary>A job: Critical when its last run failed; OK when it succeeded or has not run within the lookback.</summary>
        public static MsHealthCheck Job(MsJob job, IReadOnlyCollection<MsJobResult> results, MsHealthOptions options)
        {
            var name = job.Name ?? job.Id.ToString(CultureInfo.InvariantCulture);
            var completed = results.Where(r => !r.IsRunning).OrderBy(r => r.StartTime ?? DateTime.MinValue).ThenBy(r => r.Id).ToList();
            var failed = completed.Count(r => !IsSucceeded(r.Result));
            var metrics = new[] { new MsHealthMetric("runs", completed.Count, MsHealthUnit.Count), new MsHealthMetric("failed", failed, MsHealthUnit.Count) };
            var last = completed.LastOrDefault();
            if (last == null) return new MsHealthCheck(JobCategory, name, MsHealthStatus.OK, $"no run within {Hours(options.JobLookback)}", metrics);
            var status = IsSucceeded(last.Result) ? MsHealthStatus.OK : MsHealthStatus.Critical;
            return new MsHealthCheck(JobCategory, name, status, $"last run {When(last.StartTime)} {last.Result ?? "(no result)"}", metrics);
        }

        private static bool IsSucceeded(string? result) => string.Equals(result, "succeeded", StringComparison.OrdinalIgnoreCase);

        /// <summary>A store: Critical with an error set (it could not be opened as requested), Warning when it needs an upgrade or an index rebuild.</summary>
        public static MsHealthCheck Store(MsStore store)
        {
            var name = store.Name ?? store.Id.ToString(CultureInfo.InvariantCulture);
            var problems = new List<string>();
            var status = MsHealthStatus.OK;
            if (!string.IsNullOrEmpty(store.Error))
            {
                problems.Add($"error: {store.Error}");
                status = MsHealthStatus.Critical;
            }
            if (store.NeedsUpgrade == true)
            {
                problems.Add("needs upgrade");
                status = Worst(status, MsHealthStatus.Warning);
            }
            if (store.SearchIndexesNeedRebuild == true)
            {
                problems.Add("search indexes need rebuild");
                status = Worst(status, MsHealthStatus.Warning);
            }
            var message = problems.Count == 0 ? $"{store.RequestedState ?? "normal"}, no problems" : string.Join("; ", problems);
            return new MsHealthCheck(StoreCategory, name, status, message);
        }

        /// <summary>The licence: named users as a percentage of the licence, against the two thresholds (reaching one counts).</summary>
        public static MsHealthCheck License(MsLicense license, MsHealthOptions options)
        {
            if (!(license.UsedPercent is double percent))
            {
                var users = license.NamedUsers?.ToString(CultureInfo.InvariantCulture) ?? "?";
                return new MsHealthCheck(LicenseCategory, "named users", MsHealthStatus.OK, $"{users} named users, no user limit",
                    new[] { new MsHealthMetric("named_users", license.NamedUsers ?? 0, MsHealthUnit.Count) });
            }
            percent = Math.Round(percent, 1);
            var status = percent >= options.LicenseCritical ? MsHealthStatus.Critical
                : percent >= options.LicenseWarning ? MsHealthStatus.Warning
                : MsHealthStatus.OK;
            var metrics = new[]
            {
                new MsHealthMetric("license_used", percent, MsHealthUnit.Percent, options.LicenseWarning, options.LicenseCritical),
                new MsHealthMetric("named_users", license.NamedUsers ?? 0, MsHealthUnit.Count, null, license.MaxNamedUsers),
            };
            return new MsHealthCheck(LicenseCategory, "named users", status,
                string.Format(CultureInfo.InvariantCulture, "{0} of {1} named users ({2:0.#} %)", license.NamedUsers, license.MaxNamedUsers, percent), metrics);
        }

        /// <summary>The server version against the minimum: below it is a Warning (an update is due, archiving still works).</summary>
        public static MsHealthCheck Version(string? serverVersion, Version minimum)
        {
            if (!System.Version.TryParse(serverVersion, out var version))
            {
                return MsHealthCheck.Unknown(VersionCategory, "server", $"the server reported no readable version ('{serverVersion}')");
            }
            var ok = version >= minimum;
            return new MsHealthCheck(VersionCategory, "server", ok ? MsHealthStatus.OK : MsHealthStatus.Warning,
                ok ? $"version {version} (minimum {minimum})" : $"version {version} is below the minimum {minimum}");
        }

        public static MsHealthStatus Worst(MsHealthStatus a, MsHealthStatus b) => Rank(a) >= Rank(b) ? a : b;

        /// <summary>The overall state: Critical over Warning over Unknown over OK (a failing archive matters more than an unreadable check).</summary>
        public static MsHealthStatus Overall(IEnumerable<MsHealthCheck> checks) =>
            checks.Select(c => c.Status).Aggregate(MsHealthStatus.OK, Worst);

        private static int Rank(MsHealthStatus status)
        {
            switch (status)
            {
                case MsHealthStatus.Critical: return 3;
                case MsHealthStatus.Warning: return 2;
                case MsHealthStatus.Unknown: return 1;
                default: return 0;
            }
        }

        private static DateTime ToUtc(DateTime? local) => local is DateTime t ? t.ToUniversalTime() : DateTime.MinValue;

        private static string When(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(unknown time)";

        private static string Hours(TimeSpan span) => span.TotalHours >= 48 && span.TotalDays == Math.Floor(span.TotalDays)
            ? $"{span.TotalDays:0} d"
            : string.Format(CultureInfo.InvariantCulture, "{0:0.#} h", span.TotalHours);
    }
}
