using System;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>An archive folder (GetChildFolders): its full path with '/' between levels.</summary>
    public sealed class MsFolder
    {
        public string Path { get; set; } = string.Empty;

        /// <summary>The last segment of the path.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The path without its last segment; empty for a user archive (top level).</summary>
        public string Parent { get; set; } = string.Empty;

        /// <summary>1 for a user archive, 2 for its child folders, ...</summary>
        public int Level { get; set; }

        public string? ComputerName { get; set; }

        public override string ToString() => Path;
    }

    /// <summary>One folder of GetFolderStatistics.</summary>
    public sealed class MsFolderStatistic
    {
        public string Folder { get; set; } = string.Empty;
        public long? Count { get; set; }
        public long? Size { get; set; }
        public string? ComputerName { get; set; }

        public override string ToString() => Folder;
    }

    /// <summary>One user's access to one archive folder (GetUserInfo privilegesOnFolders).</summary>
    public sealed class MsFolderPermission
    {
        public string UserName { get; set; } = string.Empty;
        public string Folder { get; set; } = string.Empty;
        public MsFolderAccess Access { get; set; }
        public string? ComputerName { get; set; }

        public override string ToString() => $"{UserName} -> {Folder}: {Access}";
    }

    /// <summary>What Sync-MsFolderPermission does to one user and folder.</summary>
    public enum MsFolderPermissionAction
    {
        Grant,
        Change,
        Revoke,
    }

    /// <summary>Whether a planned change was sent.</summary>
    public enum MsChangeStatus
    {
        /// <summary>Not sent: -WhatIf, or declined at -Confirm.</summary>
        Planned,
        Applied,
        Failed,
    }

    /// <summary>One change of a desired-state run: what it was, what it becomes, and whether it was sent.</summary>
    public sealed class MsFolderPermissionChange
    {
        public MsFolderPermissionAction Action { get; set; }
        public string UserName { get; set; } = string.Empty;
        public string Folder { get; set; } = string.Empty;
        public MsFolderAccess OldAccess { get; set; }
        public MsFolderAccess NewAccess { get; set; }
        public MsChangeStatus Status { get; set; }
        public string? ComputerName { get; set; }

        public override string ToString() => $"{Action} {UserName} -> {Folder}: {OldAccess} => {NewAccess} ({Status})";
    }
}
