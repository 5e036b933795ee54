using System;
using System.Text.Json.Serialization;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>GetServerInfo.</summary>
    public sealed class MsServerInfo
    {
        public string? Version { get; set; }
        public string? MachineName { get; set; }
        [JsonIgnore] public string? ComputerName { get; set; }
    }

    /// <summary>
    /// A MailStore user: GetUsers fills the summary; GetUserInfo (Get-MsUser -Detailed) fills the rest and sets
    /// IsDetailed.
    /// </summary>
    public sealed class MsUser
    {
        public string? UserName { get; set; }
        public string? FullName { get; set; }
        public string? DistinguishedName { get; set; }
        public string? Authentication { get; set; }
        public string? MfaStatus { get; set; }

        [JsonConverter(typeof(FlexibleStringArrayConverter))]
        public string[] EmailAddresses { get; set; } = Array.Empty<string>();

        [JsonConverter(typeof(FlexibleStringArrayConverter))]
        public string[] Pop3UserNames { get; set; } = Array.Empty<string>();

        [JsonConverter(typeof(FlexibleStringArrayConverter))]
        public string[] Privileges { get; set; } = Array.Empty<string>();

        [JsonConverter(typeof(FlexibleStringArrayConverter))]
        public string[] LoginPrivileges { get; set; } = Array.Empty<string>();

        public MsFolderPrivilege[] PrivilegesOnFolders { get; set; } = Array.Empty<MsFolderPrivilege>();

        [JsonIgnore] public bool IsDetailed { get; set; }
        [JsonIgnore] public string? ComputerName { get; set; }

        public override string ToString() => UserName ?? string.Empty;
    }

    public sealed class MsFolderPrivilege
    {
        public string? Folder { get; set; }

        [JsonConverter(typeof(FlexibleStringArrayConverter))]
        public string[] Privileges { get; set; } = Array.Empty<string>();

        public override string ToString() => $"{Folder}: {string.Join(",", Privileges)}";
    }

    /// <summary>An archive store (GetStores).</summary>
    public sealed class MsStore
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? RequestedState { get; set; }
        public string? Error { get; set; }
        public long? StatisticsCount { get; set; }
        public long? StatisticsSize { get; set; }
        public bool? NeedsUpgrade { get; set; }
        public bool? SearchIndexesNeedRebuild { get; set; }
        public string? DatabasePath { get; set; }
        public string? ContentPath { get; set; }
        public string? IndexPath { get; set; }
        [JsonIgnore] public string? ComputerName { get; set; }

        public override string ToString() => $"{Id}: {Name}";
    }

    /// <summary>What a long-running task cmdlet emits when the task has finished.</summary>
    public sealed class MsTaskResult
    {
        public string? Function { get; set; }
        public object? Target { get; set; }
        public string? StatusCode { get; set; }
        public string? StatusText { get; set; }
        public TimeSpan Elapsed { get; set; }
        public string[] Log { get; set; } = Array.Empty<string>();
        public object?[] Result { get; set; } = Array.Empty<object?>();

        public static MsTaskResult From(MsCallResult call, object?[]? result = null) => new MsTaskResult
        {
            Function = call.Task.Function,
            Target = call.Task.Target,
            StatusCode = call.StatusCode,
            StatusText = call.StatusText,
            Elapsed = call.Elapsed,
            Log = Copy(call.Log),
            Result = result ?? Array.Empty<object?>(),
        };

        private static string[] Copy(System.Collections.Generic.IReadOnlyList<string> lines)
        {
            var copy = new string[lines.Count];
            for (int i = 0; i < copy.Length; i++) copy[i] = lines[i];
            return copy;
        }
    }
}
