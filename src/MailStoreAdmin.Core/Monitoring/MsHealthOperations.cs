using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.Monitoring
{
    /// <summary>
    /// Test-MsArchiveHealth: reads profiles and their runs, jobs and their results, stores, the licence and the
    /// version (in parallel, all within the timeout), applies <see cref="HealthRules"/>, and writes the checks in the
    /// chosen format. A part that cannot be read (API error, timeout) becomes an Unknown check with the reason; the
    /// operation itself does not fail, so a sensor always prints something.
    /// </summary>
    public static class MsHealthOperations
    {
        public static async Task TestArchiveHealthAsync(MsConnection connection, MsHealthOptions options, MsSensorFormat format, Action<int>? onExitCode,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (options.Timeout <= TimeSpan.Zero) throw Invalid("The timeout must be positive.", options.Timeout);
            if (options.MaxAge < TimeSpan.FromHours(1)) throw Invalid($"The maximum age must be at least one hour, not {options.MaxAge}.", options.MaxAge);
            if (options.LicenseWarning > options.LicenseCritical)
            {
                throw Invalid($"The licence warning threshold ({options.LicenseWarning} %) is above the critical one ({options.LicenseCritical} %).", options.LicenseWarning);
            }
            var unknown = options.Categories.FirstOrDefault(c => !HealthRules.Categories.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (unknown != null) throw Invalid($"'{unknown}' is not a check category. Use {string.Join(", ", HealthRules.Categories)}.", unknown);
            var checks = await RunChecksAsync(connection, options, context, cancellationToken).ConfigureAwait(false);
            switch (format)
            {
                case MsSensorFormat.Prtg:
                    context.WriteObject(SensorFormats.Prtg(checks));
                    break;
                case MsSensorFormat.CheckMk:
                    foreach (var line in SensorFormats.CheckMk(checks)) context.WriteObject(line);
                    break;
                case MsSensorFormat.Nagios:
                    context.WriteObject(SensorFormats.Nagios(checks));
                    break;
                default:
                    foreach (var check in checks) context.WriteObject(check);
                    break;
            }
            onExitCode?.Invoke(SensorFormats.NagiosExitCode(checks));
        }

        /// <summary>The checks in a fixed order: profiles, jobs, stores, licence, version.</summary>
        public static async Task<List<MsHealthCheck>> RunChecksAsync(MsConnection connection, MsHealthOptions options, OperationContext context,
            CancellationToken cancellationToken)
        {
            var nowUtc = DateTime.UtcNow;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            // Failed history windows are not the sensor's output: they become warnings in the log.
            var quiet = new WarningContext(context);
            bool Wanted(string category) => options.Categories.Count == 0 || options.Categories.Contains(category, StringComparer.OrdinalIgnoreCase);
            var groups = new List<Task<List<MsHealthCheck>>>();
            if (Wanted(HealthRules.ProfileCategory))
            {
                groups.Add(Guard(HealthRules.ProfileCategory, "profiles", () => ProfilesAsync(connection, options, nowUtc, quiet, timeout.Token), options, cancellationToken));
            }
            if (Wanted(HealthRules.JobCategory))
            {
                groups.Add(Guard(HealthRules.JobCategory, "jobs", () => JobsAsync(connection, options, nowUtc, quiet, timeout.Token), options, cancellationToken));
            }
            if (Wanted(HealthRules.StoreCategory))
            {
                groups.Add(Guard(HealthRules.StoreCategory, "stores", () => StoresAsync(connection, quiet, timeout.Token), options, cancellationToken));
            }
            // The Service Provider Edition has no GetLicenseInformation.
            var hasLicense = connection.Metadata.Contains("GetLicenseInformation");
            if (Wanted(HealthRules.LicenseCategory) && hasLicense)
            {
                groups.Add(Guard(HealthRules.LicenseCategory, "named users", async () =>
                {
                    var license = await MsServerSettingsOperations.ReadLicenseAsync(connection, quiet, timeout.Token).ConfigureAwait(false);
                    return new List<MsHealthCheck> { license == null ? MsHealthCheck.Unknown(HealthRules.LicenseCategory, "named users", "the server returned no licence information") : HealthRules.License(license, options) };
                }, options, cancellationToken));
            }
            else if (!hasLicense) context.Log(LogLevel.Verbose, "The server has no GetLicenseInformation (Service Provider Edition): no licence check.");
            if (options.MinimumVersion is Version minimum && Wanted(HealthRules.VersionCategory))
            {
                groups.Add(Guard(HealthRules.VersionCategory, "server", async () =>
                {
                    string? version = null;
                    await connection.InvokeAsync("GetServerInfo", null, item => version = JsonFields.String(item, "version"), quiet, timeout.Token)
                        .ConfigureAwait(false);
                    return new List<MsHealthCheck> { HealthRules.Version(version, minimum) };
                }, options, cancellationToken));
            }
            var results = await Task.WhenAll(groups).ConfigureAwait(false);
            return results.SelectMany(r => r).ToList();
        }

        /// <summary>Runs one group; its failure or timeout becomes one Unknown check. A stop by the caller (Ctrl+C) still stops.</summary>
        private static async Task<List<MsHealthCheck>> Guard(string category, string name, Func<Task<List<MsHealthCheck>>> run, MsHealthOptions options,
            CancellationToken cancellationToken)
        {
            try
            {
                return await run().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new List<MsHealthCheck> { MsHealthCheck.Unknown(category, name, $"the server did not answer within {options.Timeout.TotalSeconds:0} s") };
            }
            catch (MailStoreAdminException e)
            {
                return new List<MsHealthCheck> { MsHealthCheck.Unknown(category, name, e.Message) };
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                // A sensor must print its state whatever went wrong: an unexpected failure is Unknown too.
                return new List<MsHealthCheck> { MsHealthCheck.Unknown(category, name, $"{e.GetType().Name}: {e.Message}") };
            }
        }

        private static async Task<List<MsHealthCheck>> ProfilesAsync(MsConnection connection, MsHealthOptions options, DateTime nowUtc,
            OperationContext context, CancellationToken cancellationToken)
        {
            var profiles = await MsProfileOperations.ListProfilesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var checks = new List<MsHealthCheck>();
            List<MsProfile> selected;
            if (options.Profiles.Count == 0)
            {
                selected = profiles.Where(p => p.ServerSideExecution).ToList();
            }
            else
            {
                var patterns = options.Profiles.Select(p => new Wildcard(p)).ToList();
                selected = profiles.Where(p => patterns.Any(w => w.IsMatch(p.Name))).ToList();
                foreach (var pattern in patterns.Where(w => !w.IsPattern && profiles.All(p => !w.IsMatch(p.Name))))
                {
                    checks.Add(MsHealthCheck.Unknown(HealthRules.ProfileCategory, pattern.Literal, "no profile of that name on the server"));
                }
            }
            if (selected.Count == 0) return checks;
            var runs = new List<MsWorkerResult>();
            await MsWorkerResultOperations.ReadAsync(connection, nowUtc - options.MaxAge, nowUtc.AddSeconds(1), null, null, part => runs.AddRange(part),
                context, cancellationToken).ConfigureAwait(false);
            var byProfile = runs.Where(r => r.ProfileId != null).ToLookup(r => r.ProfileId!.Value);
            checks.InsertRange(0, selected.Select(p => HealthRules.Profile(p, byProfile[p.Id].ToList(), nowUtc, options)));
            return checks;
        }

        private static async Task<List<MsHealthCheck>> JobsAsync(MsConnection connection, MsHealthOptions options, DateTime nowUtc,
            OperationContext context, CancellationToken cancellationToken)
        {
            var jobs = (await MsJobOperations.ListJobsAsync(connection, context, cancellationToken).ConfigureAwait(false)).Where(j => j.Enabled).ToList();
            if (jobs.Count == 0) return new List<MsHealthCheck>();
            var results = new List<MsJobResult>();
            await MsJobOperations.ReadResultsAsync(connection, nowUtc - options.JobLookback, nowUtc.AddSeconds(1), null, part => results.AddRange(part),
                context, cancellationToken).ConfigureAwait(false);
            var byJob = results.Where(r => r.JobId != null).ToLookup(r => r.JobId!.Value);
            return jobs.Select(j => HealthRules.Job(j, byJob[j.Id].ToList(), options)).ToList();
        }

        private static async Task<List<MsHealthCheck>> StoresAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var checks = new List<MsHealthCheck>();
            await MsStoreOperations.ListStoresAsync(connection, false, store => checks.Add(HealthRules.Store(store)), context, cancellationToken)
                .ConfigureAwait(false);
            return checks;
        }

        private static MailStoreAdminException Invalid(string message, object? target) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, "HealthCheckArgumentInvalid", message, target);

        /// <summary>Passes everything on, but per-item errors become warnings: the sensor's output stays the checks alone.</summary>
        private sealed class WarningContext : OperationContext
        {
            private readonly OperationContext _inner;

            public WarningContext(OperationContext inner) => _inner = inner;

            public override bool IsDebugEnabled => _inner.IsDebugEnabled;
            public override void WriteObject(object? value) => _inner.WriteObject(value);
            public override void WriteError(MailStoreAdminException error) => _inner.Log(LogLevel.Warning, error.Message);
            public override void Log(LogLevel level, string message) => _inner.Log(level, message);
            public override bool ShouldProcess(string target, string action) => false;
        }
    }
}
