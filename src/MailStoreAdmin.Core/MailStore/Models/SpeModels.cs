using System.Text.Json.Serialization;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>
    /// An SPE instance (GetInstances), with its size and process figures when asked for (GetInstanceStatistics,
    /// GetInstanceProcessLiveStatistics). InstanceId binds -InstanceId of every instance-level cmdlet by property name.
    /// </summary>
    public sealed class MsInstance
    {
        [JsonPropertyName("instanceID")] public string? InstanceId { get; set; }
        public string? Alias { get; set; }
        public string? DisplayName { get; set; }
        public string? InstanceHost { get; set; }
        public string? StartMode { get; set; }
        [JsonPropertyName("processID")] public int? ProcessId { get; set; }

        /// <summary>running, stopped, frozen, or a transition (starting, stopping, ...).</summary>
        public string? Status { get; set; }
        public string? StartStopError { get; set; }

        [JsonIgnore] public MsInstanceStatistics? Statistics { get; set; }
        [JsonIgnore] public MsInstanceProcessStatistics? Process { get; set; }
        [JsonIgnore] public double? TotalSizeMB => Statistics?.TotalSizeMB;
        [JsonIgnore] public long? NumberOfMessages => Statistics?.NumberOfMessages;
        [JsonIgnore] public string? ComputerName { get; set; }

        public override string ToString() => InstanceId ?? string.Empty;
    }

    /// <summary>GetInstanceStatistics: the instance's size on disk and message count.</summary>
    public sealed class MsInstanceStatistics
    {
        public double? TotalSizeMB { get; set; }
        public double? DatabaseFileSizeMB { get; set; }
        public double? ContentFileSizeMB { get; set; }
        public double? IndexFileSizeMB { get; set; }
        public long? NumberOfMessages { get; set; }
    }

    /// <summary>GetInstanceProcessLiveStatistics: counters of the running instance process.</summary>
    public sealed class MsInstanceProcessStatistics
    {
        [JsonPropertyName("processUniqueID")] public string? ProcessUniqueId { get; set; }
        public string? Timestamp { get; set; }
        public long? TotalProcessorMilliseconds { get; set; }
        [JsonPropertyName("totalIOReadBytes")] public long? TotalIOReadBytes { get; set; }
        [JsonPropertyName("totalIOWriteBytes")] public long? TotalIOWriteBytes { get; set; }
        [JsonPropertyName("totalIOOtherBytes")] public long? TotalIOOtherBytes { get; set; }
        public long? TotalRemoteProcedureCalls { get; set; }
        public long? TotalMessagesArchived { get; set; }
        public long? TotalMessagesChecked { get; set; }
        public long? CurrentPrivateMemoryBytes { get; set; }
    }

    /// <summary>A directory on an instance host (GetDirectoriesOnInstanceHost).</summary>
    public sealed class MsInstanceHostDirectory
    {
        public string? ServerName { get; set; }
        public string? Path { get; set; }

        public override string ToString() => Path ?? string.Empty;
    }

    /// <summary>Whether $archiveadmin may log on to an instance (GetArchiveAdminEnabled).</summary>
    public sealed class MsArchiveAdminAccess
    {
        public string? InstanceId { get; set; }
        public bool Enabled { get; set; }
    }

    /// <summary>
    /// A one-time logon URL for $archiveadmin (CreateClientOneTimeUrlForArchiveAdmin). The URL carries a password: it is
    /// never logged, and ToString does not show it.
    /// </summary>
    public sealed class MsArchiveAdminUrl
    {
        public string? InstanceId { get; set; }
        public string? Url { get; set; }

        public override string ToString() => $"One-time $archiveadmin URL for {InstanceId}";
    }

    [JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(MsInstance))]
    [JsonSerializable(typeof(MsInstanceStatistics))]
    [JsonSerializable(typeof(MsInstanceProcessStatistics))]
    internal sealed partial class SpeJsonContext : JsonSerializerContext
    {
    }
}

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>A new API password for a system administrator (CreateSystemAdministratorAPIPassword); only as SecureString.</summary>
    public sealed class MsSystemAdministratorApiPassword
    {
        public string? UserName { get; set; }
        public System.Security.SecureString? Password { get; set; }

        public override string ToString() => $"API password of {UserName}";
    }
}
