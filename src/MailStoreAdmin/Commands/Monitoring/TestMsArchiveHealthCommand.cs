using System;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Monitoring;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary>
    /// <para type="synopsis">Checks archiving health (profiles, jobs, stores, licence, version) as objects or as a PRTG, Checkmk or Nagios sensor.</para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "MsArchiveHealth")]
    [OutputType(typeof(MsHealthCheck), typeof(string))]
    public sealed class TestMsArchiveHealthCommand : MsCmdlet
    {
        /// <summary><para type="description">The output: Object (one object per check), Prtg (JSON), CheckMk (local-check lines) or Nagios (status line; sets $LASTEXITCODE).</para></summary>
        [Parameter(Position = 0)]
        public MsSensorFormat As { get; set; } = MsSensorFormat.Object;

        /// <summary><para type="description">The kinds of checks to run: Profile, Job, Store, License, Version. Default: all.</para></summary>
        [Parameter]
        [ValidateSet("Profile", "Job", "Store", "License", "Version")]
        public string[]? Check { get; set; }

        /// <summary><para type="description">Profile names (wildcards) to check. Default: every profile with server-side execution.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Profile { get; set; }

        /// <summary><para type="description">A profile without a completed run for this long is overdue (Critical). Default: 26 hours.</para></summary>
        [Parameter]
        public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(26);

        /// <summary><para type="description">The state of a failed, disconnected or aborted last run. Default: Critical.</para></summary>
        [Parameter]
        public MsHealthStatus FailedLevel { get; set; } = MsHealthStatus.Critical;

        /// <summary><para type="description">The state of a cancelled last run. Default: Warning.</para></summary>
        [Parameter]
        public MsHealthStatus CancelledLevel { get; set; } = MsHealthStatus.Warning;

        /// <summary><para type="description">The state of a last run completed with errors. Default: Warning.</para></summary>
        [Parameter]
        public MsHealthStatus ErrorsLevel { get; set; } = MsHealthStatus.Warning;

        /// <summary><para type="description">The state of a last run completed with warnings. Default: OK.</para></summary>
        [Parameter]
        public MsHealthStatus WarningsLevel { get; set; } = MsHealthStatus.OK;

        /// <summary><para type="description">Licence usage in percent from which the licence check warns. Default: 90.</para></summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public double LicenseWarning { get; set; } = 90;

        /// <summary><para type="description">Licence usage in percent from which the licence check is critical. Default: 100.</para></summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public double LicenseCritical { get; set; } = 100;

        /// <summary><para type="description">The lowest acceptable server version; an older server is a Warning. Default: no version check.</para></summary>
        [Parameter]
        public Version? MinimumVersion { get; set; }

        /// <summary><para type="description">Seconds the whole check may take; what has not answered by then is Unknown. Default: 60.</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        protected override void ProcessRecord()
        {
            var options = new MsHealthOptions
            {
                MaxAge = MaxAge,
                FailedLevel = FailedLevel,
                CancelledLevel = CancelledLevel,
                CompletedWithErrorsLevel = ErrorsLevel,
                CompletedWithWarningsLevel = WarningsLevel,
                LicenseWarning = LicenseWarning,
                LicenseCritical = LicenseCritical,
                MinimumVersion = MinimumVersion,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Profiles = Profile ?? Array.Empty<string>(),
                Categories = Check ?? Array.Empty<string>(),
            };
            // Nagios reads the state from the exit code: the caller ends its script with exit $LASTEXITCODE.
            var exitCode = (int)MsHealthStatus.Unknown;
            Run((connection, context, token) => MsHealthOperations.TestArchiveHealthAsync(connection, options, As, code => exitCode = code, context, token));
            if (As == MsSensorFormat.Nagios) SessionState.PSVariable.Set("global:LASTEXITCODE", exitCode);
        }
    }
}
