using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.Monitoring
{
    /// <summary>The monitoring states, numbered as Nagios exit codes and Checkmk states are.</summary>
    public enum MsHealthStatus
    {
        OK = 0,
        Warning = 1,
        Critical = 2,
        Unknown = 3,
    }

    public enum MsHealthUnit
    {
        Count,
        Percent,
        Seconds,
    }

    /// <summary>One measured value of a check, with the thresholds it was judged by (null: none).</summary>
    public sealed class MsHealthMetric
    {
        public MsHealthMetric(string name, double value, MsHealthUnit unit, double? warning = null, double? critical = null)
        {
            Name = name;
            Value = value;
            Unit = unit;
            Warning = warning;
            Critical = critical;
        }

        /// <summary>A short name without blanks (it becomes a Checkmk metric and a Nagios label).</summary>
        public string Name { get; }
        public double Value { get; }
        public MsHealthUnit Unit { get; }
        public double? Warning { get; }
        public double? Critical { get; }

        public override string ToString() => $"{Name}={Value}";
    }

    /// <summary>One result of Test-MsArchiveHealth: what was checked, its state, why, and what was measured.</summary>
    public sealed class MsHealthCheck
    {
        public MsHealthCheck(string category, string name, MsHealthStatus status, string message, IReadOnlyList<MsHealthMetric>? metrics = null)
        {
            Category = category;
            Name = name;
            Status = status;
            Message = message;
            Metrics = metrics ?? Array.Empty<MsHealthMetric>();
        }

        /// <summary>Profile, Job, Store, License, Version.</summary>
        public string Category { get; }

        /// <summary>What was checked within the category (a profile's name, a store's name).</summary>
        public string Name { get; }

        public MsHealthStatus Status { get; }
        public string Message { get; }
        public IReadOnlyList<MsHealthMetric> Metrics { get; }

        /// <summary>The service name sensors show: category and name.</summary>
        public string Service => Category + " " + Name;

        public override string ToString() => $"{Status} {Service}: {Message}";

        /// <summary>A check that could not run (API error, timeout): Unknown with the reason.</summary>
        public static MsHealthCheck Unknown(string category, string name, string reason) =>
            new MsHealthCheck(category, name, MsHealthStatus.Unknown, reason);
    }

    /// <summary>Thresholds and levels of the health rules (Test-MsArchiveHealth's parameters).</summary>
    public sealed class MsHealthOptions
    {
        /// <summary>A profile without a completed run for this long is overdue (Critical).</summary>
        public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(26);

        public MsHealthStatus FailedLevel { get; set; } = MsHealthStatus.Critical;
        public MsHealthStatus CancelledLevel { get; set; } = MsHealthStatus.Warning;
        public MsHealthStatus CompletedWithErrorsLevel { get; set; } = MsHealthStatus.Warning;
        public MsHealthStatus CompletedWithWarningsLevel { get; set; } = MsHealthStatus.OK;

        /// <summary>Named users as a percentage of the licence at which the licence check warns / is critical.</summary>
        public double LicenseWarning { get; set; } = 90;
        public double LicenseCritical { get; set; } = 100;

        /// <summary>The lowest acceptable server version; null skips the version check.</summary>
        public Version? MinimumVersion { get; set; }

        /// <summary>How far back job results are read for each job's last run.</summary>
        public TimeSpan JobLookback { get; set; } = TimeSpan.FromDays(31);

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>The categories to check (Profile, Job, Store, License, Version); empty: all.</summary>
        public IReadOnlyList<string> Categories { get; set; } = Array.Empty<string>();

        /// <summary>Profile names (wildcards) to check; empty: every profile with server-side execution.</summary>
        public IReadOnlyList<string> Profiles { get; set; } = Array.Empty<string>();
    }
}
