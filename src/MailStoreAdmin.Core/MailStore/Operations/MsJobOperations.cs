using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Scheduled jobs (API functions the server runs on a schedule) and their results.</summary>
    public static class MsJobOperations
    {
        public const string ResultsFunction = "GetJobResults";

        /// <summary>How often Start-MsJob -Wait reads GetJobResults: RunJobAsync has no task token to long-poll.</summary>
        public static TimeSpan WaitPollInterval { get; set; } = TimeSpan.FromSeconds(1);

        public static async Task<List<MsJob>> ListJobsAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var jobs = new List<MsJob>();
            await connection.InvokeAsync("GetJobs", null, item => jobs.Add(MsJob.Read(item, connection.ComputerName)), context, cancellationToken)
                .ConfigureAwait(false);
            return jobs;
        }

        /// <summary>Get-MsJob: by name pattern and/or ids; an id or exact name that matches nothing is an error record.</summary>
        public static async Task GetJobsAsync(MsConnection connection, string? name, IReadOnlyCollection<int>? ids, OperationContext context,
            CancellationToken cancellationToken)
        {
            var jobs = await ListJobsAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            var found = 0;
            foreach (var job in jobs)
            {
                if (filter != null && !filter.IsMatch(job.Name)) continue;
                if (ids != null && ids.Count > 0 && !ids.Contains(job.Id)) continue;
                found++;
                context.WriteObject(job);
            }
            foreach (var id in ids ?? Array.Empty<int>())
            {
                if (jobs.All(j => j.Id != id)) context.WriteError(NotFound(connection, id));
            }
            if (filter != null && !filter.IsPattern && found == 0)
            {
                context.WriteError(new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreJobNotFound",
                    $"There is no job named '{filter.Literal}' on {connection.ComputerName}.", filter.Literal));
            }
        }

        public static async Task<MsJob> RequireJobAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var jobs = await ListJobsAsync(connection, context, cancellationToken).ConfigureAwait(false);
            return jobs.FirstOrDefault(j => j.Id == id) ?? throw NotFound(connection, id);
        }

        public static MailStoreAdminException NotFound(MsConnection connection, int id) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreJobNotFound",
                $"There is no job with id {id} on {connection.ComputerName}. Get-MsJob lists the jobs.", id);

        /// <summary>New-MsJob: CreateJob; writes the new job as the server lists it.</summary>
        public static async Task NewJobAsync(MsConnection connection, string name, string action, string? owner, MsJobSchedule schedule,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new MailStoreAdminException(ErrorKind.InvalidArgument, "JobNameMissing", "A job needs a name.", name);
            if (!connection.Metadata.Contains(action))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "JobActionUnknown",
                    $"'{action}' is not an API function of {connection.ComputerName}; a job runs one of them. Get-MsApiFunction lists them.", action);
            }
            var arguments = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("name", name),
                new KeyValuePair<string, object?>("action", action),
                new KeyValuePair<string, object?>("owner", string.IsNullOrEmpty(owner) ? connection.UserName : owner),
            };
            arguments.AddRange(schedule.ToArguments());
            connection.Check("CreateJob", arguments);
            var before = await ListJobsAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"job '{name}' ({action}, {schedule}) on {connection}", "Create")) return;
            await connection.InvokeAsync("CreateJob", arguments, null, context, cancellationToken, name).ConfigureAwait(false);
            var after = await ListJobsAsync(connection, context, cancellationToken).ConfigureAwait(false);
            foreach (var job in after.Where(j => before.All(b => b.Id != j.Id))) context.WriteObject(job);
        }

        /// <summary>
        /// Set-MsJob: any of a new name, a new schedule and enabled/disabled; each is one server call, sent only when
        /// it changes something. All are validated (and the job found) before the first is sent.
        /// </summary>
        public static async Task SetJobAsync(MsConnection connection, int id, string? newName, MsJobSchedule? schedule, bool? enabled, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (newName != null && newName.Trim().Length == 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "JobNameMissing", "A job's new name cannot be empty.", id);
            }
            var job = await RequireJobAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            var calls = new List<(string Function, List<KeyValuePair<string, object?>> Arguments, string Change)>();
            if (newName != null && newName != job.Name)
            {
                calls.Add(("RenameJob", Arguments(id, ("name", newName)), $"rename to '{newName}'"));
            }
            if (schedule != null && !schedule.IsSameAs(job.Schedule))
            {
                var arguments = Arguments(id);
                arguments.AddRange(schedule.ToArguments());
                calls.Add(("SetJobSchedule", arguments, $"schedule {schedule}"));
            }
            if (enabled is bool on && on != job.Enabled)
            {
                calls.Add(("SetJobEnabled", Arguments(id, ("enabled", on)), on ? "enable" : "disable"));
            }
            foreach (var call in calls) connection.Check(call.Function, call.Arguments);
            if (calls.Count == 0)
            {
                context.Log(LogLevel.Verbose, $"Job {id} '{job.Name}' already has these settings; nothing sent.");
            }
            else if (context.ShouldProcess($"job {id} '{job.Name}' on {connection}", string.Join(", ", calls.Select(c => c.Change))))
            {
                foreach (var call in calls)
                {
                    await connection.InvokeAsync(call.Function, call.Arguments, null, context, cancellationToken, id).ConfigureAwait(false);
                }
            }
            else return;
            if (passThru) context.WriteObject(await RequireJobAsync(connection, id, context, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Remove-MsJob: DeleteJob after checking the job exists.</summary>
        public static async Task RemoveJobAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var job = await RequireJobAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"job {id} '{job.Name}' on {connection}", "Delete")) return;
            // DeleteJob is the one job function whose id the catalogue types as a string.
            await connection.InvokeAsync("DeleteJob", Arguments(id), null, context, cancellationToken, id).ConfigureAwait(false);
        }

        /// <summary>
        /// Start-MsJob: RunJobAsync starts the job and returns at once. With <paramref name="wait"/>, GetJobResults is
        /// read until the run that started after the call has completed, and that result is written.
        /// </summary>
        public static async Task StartJobAsync(MsConnection connection, int id, bool wait, OperationContext context, CancellationToken cancellationToken)
        {
            var job = await RequireJobAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"job {id} '{job.Name}' ({job.Action}) on {connection}", "Run now")) return;
            // Server times have whole seconds: a run started in this second counts as this call's run.
            var startedUtc = DateTime.UtcNow.AddSeconds(-1);
            var known = await ResultIdsAsync(connection, id, startedUtc, context, cancellationToken).ConfigureAwait(false);
            await connection.InvokeAsync("RunJobAsync", Arguments(id), null, context, cancellationToken, id).ConfigureAwait(false);
            if (!wait) return;
            while (true)
            {
                await Task.Delay(WaitPollInterval, cancellationToken).ConfigureAwait(false);
                var results = await ReadResultsAsync(connection, id, startedUtc, context, cancellationToken).ConfigureAwait(false);
                var run = results.Where(r => !known.Contains(r.Id)).OrderBy(r => r.StartTime).FirstOrDefault();
                if (run == null || run.IsRunning) continue;
                context.WriteObject(run);
                if (!string.Equals(run.Result, "succeeded", StringComparison.OrdinalIgnoreCase))
                {
                    context.WriteError(new MailStoreAdminException(ErrorKind.InvalidResult, "MailStoreJobFailed",
                        $"Job {id} '{job.Name}' ended with '{run.Result}'.", id));
                }
                return;
            }
        }

        private static async Task<HashSet<long>> ResultIdsAsync(MsConnection connection, int id, DateTime fromUtc, OperationContext context,
            CancellationToken cancellationToken)
        {
            var results = await ReadResultsAsync(connection, id, fromUtc, context, cancellationToken).ConfigureAwait(false);
            return new HashSet<long>(results.Select(r => r.Id));
        }

        private static async Task<List<MsJobResult>> ReadResultsAsync(MsConnection connection, int id, DateTime fromUtc, OperationContext context,
            CancellationToken cancellationToken)
        {
            var results = new List<MsJobResult>();
            await ReadResultsAsync(connection, fromUtc, DateTime.UtcNow.AddMinutes(1), id, part => results.AddRange(part), context, cancellationToken)
                .ConfigureAwait(false);
            return results;
        }

        /// <summary>Stop-MsJob: CancelJobAsync (the server stops the running job when it can).</summary>
        public static async Task StopJobAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var job = await RequireJobAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"job {id} '{job.Name}' on {connection}", "Cancel the running job")) return;
            await connection.InvokeAsync("CancelJobAsync", Arguments(id), null, context, cancellationToken, id).ConfigureAwait(false);
        }

        /// <summary>Get-MsJobResult: the runs started in [from, to) (default: the last 24 hours), in time order.</summary>
        public static Task GetJobResultsAsync(MsConnection connection, DateTime? from, DateTime? to, TimeSpan? last, int? jobId,
            OperationContext context, CancellationToken cancellationToken)
        {
            var (fromUtc, toUtc) = ServerTime.Range(from, to, last, MsWorkerResultOperations.DefaultRange, DateTime.UtcNow);
            return ReadResultsAsync(connection, fromUtc, toUtc, jobId, part =>
            {
                foreach (var row in part) context.WriteObject(row);
            }, context, cancellationToken);
        }

        /// <summary>Job results in [fromUtc, toUtc), through the same range splitting as worker results.</summary>
        public static Task<TimeRangeReader<MsJobResult>> ReadResultsAsync(MsConnection connection, DateTime fromUtc, DateTime toUtc, int? jobId,
            Action<IReadOnlyList<MsJobResult>> onPart, OperationContext context, CancellationToken cancellationToken)
        {
            var filters = new List<KeyValuePair<string, object?>>();
            if (jobId != null) filters.Add(new KeyValuePair<string, object?>("jobId", jobId));
            // Spelled timeZoneId here, timeZoneID for worker results: the server's own inconsistency.
            var reader = MsWorkerResultOperations.WindowReader(connection, ResultsFunction, "timeZoneId", filters, MsJobResult.Read,
                row => row.Id, row => row.StartTime, context);
            return MsWorkerResultOperations.RunAsync(connection, ResultsFunction, reader, fromUtc, toUtc, onPart, context, cancellationToken);
        }

        private static List<KeyValuePair<string, object?>> Arguments(int id, params (string Name, object? Value)[] more)
        {
            var arguments = new List<KeyValuePair<string, object?>> { new KeyValuePair<string, object?>("id", id) };
            arguments.AddRange(more.Select(m => new KeyValuePair<string, object?>(m.Name, m.Value)));
            return arguments;
        }
    }
}
