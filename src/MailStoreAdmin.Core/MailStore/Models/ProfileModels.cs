using System;
using System.Text.Json;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>An archiving profile (GetProfiles raw=true): the typed fields, and the raw object in <see cref="Details"/>.</summary>
    public sealed class MsProfile
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? Connector { get; set; }
        public string? Owner { get; set; }

        /// <summary>True when the server runs the profile on its own (server-side execution, automatic).</summary>
        public bool ServerSideExecution { get; set; }

        /// <summary>The pause between automatic runs, in minutes (null when not set).</summary>
        public int? PauseBetweenExecutions { get; set; }

        public string? MaintenanceWindows { get; set; }

        /// <summary>The serverSideExecution object as the server sent it.</summary>
        public PlainObject? ServerSideExecutionSettings { get; set; }

        /// <summary>The whole raw profile as the server sent it (connector-specific settings included).</summary>
        public PlainObject? Details { get; set; }

        public string? ComputerName { get; set; }

        public override string ToString() => $"{Id}: {Name}";

        internal static MsProfile Read(JsonElement item, string computerName)
        {
            var profile = new MsProfile
            {
                Id = JsonFields.Int(item, "id") ?? 0,
                Name = JsonFields.String(item, "name"),
                Connector = JsonFields.String(item, "connector"),
                Owner = JsonFields.String(item, "owner", "ownerName", "userName"),
                Details = JsonPlain.ToPlain(item) as PlainObject,
                ComputerName = computerName,
            };
            if (JsonFields.TryGet(item, "serverSideExecution", out var execution))
            {
                profile.ServerSideExecution = JsonFields.Bool(execution, "automatic") ?? false;
                profile.PauseBetweenExecutions = JsonFields.Int(execution, "automaticPauseBetweenExecutions");
                profile.MaintenanceWindows = JsonFields.String(execution, "automaticMaintenanceWindows");
                profile.ServerSideExecutionSettings = JsonPlain.ToPlain(execution) as PlainObject;
            }
            return profile;
        }
    }

    /// <summary>One run of a profile (GetWorkerResults). Times are local DateTimes.</summary>
    public sealed class MsWorkerResult
    {
        public long Id { get; set; }
        public int? ProfileId { get; set; }
        public string? ProfileName { get; set; }
        public string? UserName { get; set; }

        /// <summary>succeeded, completedWithWarnings, completedWithErrors, failed, cancelled, disconnected, threadAbort.</summary>
        public string? Result { get; set; }

        public long? ItemsArchived { get; set; }
        public DateTime? StartTime { get; set; }
        public DateTime? CompleteTime { get; set; }
        public string? MachineName { get; set; }

        public TimeSpan? Duration => StartTime is DateTime start && CompleteTime is DateTime end ? end - start : (TimeSpan?)null;

        public override string ToString() => $"{Id}: {ProfileName} {Result}";

        /// <summary>Reads a row the server wrote in UTC (the module always asks in UTC).</summary>
        internal static MsWorkerResult Read(JsonElement item) => new MsWorkerResult
        {
            Id = JsonFields.Long(item, "id") ?? 0,
            ProfileId = JsonFields.Int(item, "profileId"),
            ProfileName = JsonFields.String(item, "profileName"),
            UserName = JsonFields.String(item, "userName"),
            Result = JsonFields.String(item, "result"),
            ItemsArchived = JsonFields.Long(item, "itemsArchived"),
            StartTime = JsonFields.Time(item, true, "startTime"),
            CompleteTime = JsonFields.Time(item, true, "completeTime"),
            MachineName = JsonFields.String(item, "machineName"),
        };
    }

    /// <summary>The worker result values, as the server spells them.</summary>
    public static class MsWorkerResultStatus
    {
        public const string Succeeded = "succeeded";
        public const string CompletedWithWarnings = "completedWithWarnings";
        public const string CompletedWithErrors = "completedWithErrors";
        public const string Failed = "failed";
        public const string Cancelled = "cancelled";
        public const string Disconnected = "disconnected";
        public const string ThreadAbort = "threadAbort";

        /// <summary>The run archived to its end (possibly with warnings or errors on single items).</summary>
        public static bool IsCompleted(string? result) =>
            Is(result, Succeeded) || Is(result, CompletedWithWarnings) || Is(result, CompletedWithErrors);

        public static bool Is(string? result, string value) => string.Equals(result, value, StringComparison.OrdinalIgnoreCase);
    }
}
