using System;
using System.Text.Json;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>A scheduled job (GetJobs): an API function the server runs on a schedule.</summary>
    public sealed class MsJob
    {
        public int Id { get; set; }
        public string? Name { get; set; }

        /// <summary>The API function the job runs.</summary>
        public string? Action { get; set; }

        public string? Owner { get; set; }
        public bool Enabled { get; set; }
        public MsJobSchedule? Schedule { get; set; }
        public DateTime? Created { get; set; }
        public DateTime? LastStart { get; set; }
        public DateTime? LastComplete { get; set; }
        public DateTime? NextStart { get; set; }
        public PlainObject? Details { get; set; }
        public string? ComputerName { get; set; }

        public override string ToString() => $"{Id}: {Name}";

        internal static MsJob Read(JsonElement item, string computerName) => new MsJob
        {
            Id = JsonFields.Int(item, "id") ?? 0,
            Name = JsonFields.String(item, "name"),
            Action = JsonFields.String(item, "action"),
            Owner = JsonFields.String(item, "owner"),
            Enabled = JsonFields.Bool(item, "enabled") ?? false,
            Schedule = JsonFields.TryGet(item, "schedule", out var schedule) ? MsJobSchedule.Read(schedule) : null,
            Created = JsonFields.Time(item, true, "creationDateTimeUtc"),
            LastStart = JsonFields.Time(item, true, "lastStartDateTimeUtc"),
            LastComplete = JsonFields.Time(item, true, "lastCompleteDateTimeUtc"),
            NextStart = JsonFields.Time(item, true, "nextStartDateTimeUtc"),
            Details = JsonPlain.ToPlain(item) as PlainObject,
            ComputerName = computerName,
        };
    }

    /// <summary>One run of a job (GetJobResults). Result is null while the run is still going.</summary>
    public sealed class MsJobResult
    {
        public long Id { get; set; }
        public int? JobId { get; set; }
        public string? Action { get; set; }
        public string? Result { get; set; }
        public DateTime? StartTime { get; set; }
        public DateTime? CompleteTime { get; set; }

        public bool IsRunning => CompleteTime == null;

        public override string ToString() => $"{Id}: job {JobId} {Result}";

        internal static MsJobResult Read(JsonElement item) => new MsJobResult
        {
            Id = JsonFields.Long(item, "jobResultId", "id") ?? 0,
            JobId = JsonFields.Int(item, "jobId"),
            Action = JsonFields.String(item, "action"),
            Result = JsonFields.String(item, "result"),
            StartTime = JsonFields.Time(item, true, "startTime"),
            CompleteTime = JsonFields.Time(item, true, "completeTime"),
        };
    }
}
