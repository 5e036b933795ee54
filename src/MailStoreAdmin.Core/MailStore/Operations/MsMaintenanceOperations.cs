using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using static MailStoreAdmin.Core.MailStore.Operations.MsStoreChangeOperations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// The long-running store and server maintenance functions. Each checks its input (and that its store exists),
    /// then runs through the one task loop, <see cref="MsTaskOperations.RunAsync"/>, which asks -WhatIf/-Confirm once.
    /// </summary>
    public static class MsMaintenanceOperations
    {
        /// <summary>A task on one store: the store must exist; its id is the task's target.</summary>
        public static async Task RunStoreTaskAsync(MsConnection connection, string function, int id, string action,
            IEnumerable<KeyValuePair<string, object?>>? more, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            var store = await MsStoreOperations.GetStoreAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            var arguments = new List<KeyValuePair<string, object?>> { Arg("id", id) };
            if (more != null) arguments.AddRange(more);
            var request = new MsTaskRequest(function, arguments, id) { Change = (action, MsStoreOperations.Describe(store, connection)) };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A task on the whole server (or all stores); <paramref name="target"/> names it in progress and results.</summary>
        public static Task RunServerTaskAsync(MsConnection connection, string function, string target, string action,
            IEnumerable<KeyValuePair<string, object?>>? arguments, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            var request = new MsTaskRequest(function, arguments, target) { Change = (action, $"{target} on {connection}") };
            return MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken);
        }

        public static Task CompactStoreAsync(MsConnection connection, int id, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunStoreTaskAsync(connection, "CompactStore", id, "Compact", null, noWait, context, cancellationToken);

        public static Task UpgradeStoreAsync(MsConnection connection, int id, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunStoreTaskAsync(connection, "UpgradeStore", id, "Upgrade", null, noWait, context, cancellationToken);

        public static Task UpgradeAllStoresAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "UpgradeStores", "all stores", "Upgrade", null, noWait, context, cancellationToken);

        /// <summary>Invoke-MsStoreRecovery; the encryption key is a secret argument (kept out of logs and questions).</summary>
        public static Task RecoverStoreAsync(MsConnection connection, int id, string? encryptionKey, bool recoverDeletedMessages, bool noWait,
            OperationContext context, CancellationToken cancellationToken)
        {
            var more = new List<KeyValuePair<string, object?>> { Arg("recoverDeletedMessages", recoverDeletedMessages) };
            if (!string.IsNullOrEmpty(encryptionKey)) more.Add(Arg("encryptionKey", encryptionKey));
            return RunStoreTaskAsync(connection, "RecoverStore", id, "Recover", more, noWait, context, cancellationToken);
        }

        public static Task RecreateRecoveryRecordsAsync(MsConnection connection, int id, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunStoreTaskAsync(connection, "RecreateRecoveryRecords", id, "Recreate the recovery records of", null, noWait, context, cancellationToken);

        public static Task RepairStoreDatabaseAsync(MsConnection connection, int id, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunStoreTaskAsync(connection, "RepairStoreDatabase", id, "Repair the database of", null, noWait, context, cancellationToken);

        /// <summary>Merge-MsStore: moves the messages of <paramref name="sourceId"/> into <paramref name="id"/>; the source store goes away.</summary>
        public static async Task MergeStoreAsync(MsConnection connection, int id, int sourceId, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (id == sourceId) throw Invalid("StoreMergeIntoItself", $"Store {id} cannot be merged into itself: give another store as the source.", id);
            var stores = await MsStoreOperations.ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var target = MsStoreOperations.Find(stores, id, connection);
            var source = MsStoreOperations.Find(stores, sourceId, connection);
            var request = new MsTaskRequest("MergeStore", new[] { Arg("id", id), Arg("sourceId", sourceId) }, id)
            {
                Change = ($"Merge store {source.Id} '{source.Name}' (removed afterwards) into", MsStoreOperations.Describe(target, connection)),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
        }

        public static Task VerifyAllStoresAsync(MsConnection connection, bool includeIndexes, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "VerifyStores", "all stores", "Verify", new[] { Arg("includeIndexes", includeIndexes) }, noWait, context, cancellationToken);

        /// <summary>New-MsBackup (CreateBackup): the path is on the server, so it is only checked for being given.</summary>
        public static Task CreateBackupAsync(MsConnection connection, string path, bool excludeSearchIndexes, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(path)) throw Invalid("BackupPathMissing", "A backup needs a folder on the server to write to.", path);
            var arguments = new[] { Arg("path", path), Arg("excludeSearchIndexes", excludeSearchIndexes) };
            return RunServerTaskAsync(connection, "CreateBackup", path, excludeSearchIndexes ? "Back up (without search indexes) to" : "Back up to",
                arguments, noWait, context, cancellationToken);
        }

        public static Task CompactMasterDatabaseAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "CompactMasterDatabase", "master database", "Compact", null, noWait, context, cancellationToken);

        public static Task MaintainFileSystemDatabasesAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "MaintainFileSystemDatabases", "file system databases", "Maintain", null, noWait, context, cancellationToken);

        public static Task RefreshStoreStatisticsAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "RefreshAllStoreStatistics", "statistics of all stores", "Refresh", null, noWait, context, cancellationToken);

        public static Task RetryOpenStoresAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "RetryOpenStores", "stores that failed to open", "Retry opening", null, noWait, context, cancellationToken);

        public static Task RenewMasterKeyAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken) =>
            RunServerTaskAsync(connection, "RenewMasterKey", "master key", "Renew", null, noWait, context, cancellationToken);
    }
}
