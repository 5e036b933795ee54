using System;
using System.Collections.Generic;
using System.Linq;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>One function as the server's /api/get-metadata describes it.</summary>
    public sealed class MsApiFunction
    {
        public MsApiFunction(string name, IReadOnlyList<MsApiArgument> arguments, string? path)
        {
            Name = name;
            Arguments = arguments;
            Path = path;
        }

        public string Name { get; }
        public IReadOnlyList<MsApiArgument> Arguments { get; }

        /// <summary>Endpoint path when the server names one (SPE scopes differ); otherwise api/invoke/&lt;Name&gt;.</summary>
        public string? Path { get; }

        public bool RequiresInstanceId => Arguments.Any(a => a.Name == MsApiArgument.InstanceIdName);

        /// <summary>Name(arg:type, optional?:type), as shown by Get-MsApiFunction.</summary>
        public string Signature =>
            Name + "(" + string.Join(", ", Arguments.Select(a => a.Name + (a.Nullable ? "?" : string.Empty) + ":" + a.Type)) + ")";

        /// <summary>
        /// Functions that only read: safe to retry after a network failure, and no -WhatIf/-Confirm needed.
        /// </summary>
        public static bool IsReadOnlyName(string name) =>
            name.StartsWith("Get", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Ping", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Whether the server may answer with a task token instead of a result (the Administration API reference marks
        /// these). The metadata does not say, so the list is kept here; any other function is still followed if the
        /// server does answer "running".
        /// </summary>
        public bool IsLongRunning => LongRunningNames.Contains(Name);

        private static readonly HashSet<string> LongRunningNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CompactMasterDatabase", "CompactStore", "CreateBackup", "CreateInstance", "DeleteEmptyFolders", "DeleteInstances",
            "FreezeInstances", "GetFolderStatistics", "MaintainFileSystemDatabases", "MergeStore", "MoveFolder",
            "ProcessRetentionPolicies", "RebuildSelectedStoreIndexes", "RebuildStoreIndex", "RecoverStore", "RecreateRecoveryRecords",
            "RefreshAllStoreStatistics", "RenewMasterKey", "RepairStoreDatabase", "RestartInstances", "RetryOpenStores", "RunProfile",
            "RunTemporaryProfile", "SelectAllStoreIndexesForRebuild", "StartInstances", "StopInstances", "SyncUsersWithDirectoryServices",
            "TestSmtpSettings", "TestSystemSmtpConfiguration", "ThawInstances", "UpgradeStore", "UpgradeStores", "VerifyStore", "VerifyStores",
        };

        /// <summary>
        /// Functions whose result is itself a secret (a new API password, a one-time logon URL): their response bodies are
        /// never dumped to the debug stream.
        /// </summary>
        public bool HasSecretResult => SecretResultNames.Contains(Name);

        private static readonly HashSet<string> SecretResultNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CreateClientOneTimeUrlForArchiveAdmin", "CreateSystemAdministratorAPIPassword", "CreateLicenseRequest",
        };

        public MsApiArgument? FindArgument(string name) =>
            Arguments.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

        internal string RelativeUri
        {
            get
            {
                if (string.IsNullOrEmpty(Path)) return "api/invoke/" + Uri.EscapeDataString(Name);
                var path = Path!.TrimStart('/');
                // Some servers give the scope ("api/invoke") only, others the whole path.
                return path.EndsWith("/" + Name, StringComparison.OrdinalIgnoreCase) || path.EndsWith(Name, StringComparison.Ordinal)
                    ? path
                    : path.TrimEnd('/') + "/" + Uri.EscapeDataString(Name);
            }
        }

        public override string ToString() => Signature;
    }

    public sealed class MsApiArgument
    {
        public const string InstanceIdName = "instanceID";

        public MsApiArgument(string name, string type, bool nullable)
        {
            Name = name;
            Type = string.IsNullOrEmpty(type) ? "string" : type;
            Nullable = nullable;
        }

        public string Name { get; }

        /// <summary>string, number, bool or json.</summary>
        public string Type { get; }

        /// <summary>False means the argument is required.</summary>
        public bool Nullable { get; }

        public bool Required => !Nullable;

        public override string ToString() => Name + (Nullable ? "?" : string.Empty) + ":" + Type;
    }
}
