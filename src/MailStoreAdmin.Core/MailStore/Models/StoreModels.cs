using System;
using System.Text.Json.Serialization;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>The state an administrator asks a store to be in (the API's requestedState, spelled camelCase there).</summary>
    public enum MsStoreState
    {
        Normal,
        WriteProtected,
        Disabled,
    }

    /// <summary>Where a store keeps its data (the API's type argument).</summary>
    public enum MsStoreType
    {
        FileSystemInternal,
        SQLServer,
        PostgreSQL,
    }

    /// <summary>
    /// The location and database of a store, for CreateStore, AttachStore and SetStoreProperties. Null members are
    /// not sent (the server keeps or chooses them).
    /// </summary>
    public sealed class MsStoreLocation
    {
        public MsStoreType? Type { get; set; }
        public string? DatabasePath { get; set; }
        public string? ContentPath { get; set; }
        public string? IndexPath { get; set; }
        public string? ServerName { get; set; }
        public string? DatabaseName { get; set; }
        public string? UserName { get; set; }

        /// <summary>The database password; never shown in -WhatIf text or logs.</summary>
        public string? Password { get; set; }

        public bool IsEmpty => Type == null && DatabasePath == null && ContentPath == null && IndexPath == null && ServerName == null
            && DatabaseName == null && UserName == null && Password == null;
    }

    /// <summary>One full-text index of a store (GetStoreIndexes).</summary>
    public sealed class MsStoreIndex
    {
        public int StoreId { get; set; }
        public string? Folder { get; set; }
        public bool? NeedsRebuild { get; set; }
        public long? Size { get; set; }
        [JsonIgnore] public string? ComputerName { get; set; }

        public override string ToString() => $"{StoreId}: {Folder}";
    }

    /// <summary>The unit of a retention period.</summary>
    public enum MsRetentionPeriodUnit
    {
        Days,
        Months,
        Years,
    }

    /// <summary>
    /// One retention policy (GetRetentionPolicies). The typed members are read from <see cref="Properties"/>, the
    /// policy as the server sent it, which keeps every property the module does not know.
    /// </summary>
    public sealed class MsRetentionPolicy
    {
        public string? Name { get; set; }
        public int? RetentionPeriod { get; set; }
        public string? RetentionPeriodUnit { get; set; }
        public string[] Folders { get; set; } = Array.Empty<string>();
        public string? Action { get; set; }
        public PlainObject Properties { get; set; } = new PlainObject();
        public string? ComputerName { get; set; }

        public override string ToString() => $"{Name} ({RetentionPeriod} {RetentionPeriodUnit})";
    }
}
