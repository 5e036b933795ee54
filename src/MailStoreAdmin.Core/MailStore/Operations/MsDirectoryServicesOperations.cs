using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// The directory-services functions (Active Directory, LDAP, Application Integration, ...). The configuration's
    /// shape is not documented and differs by directory type, so it is only carried as a plain object tree: read,
    /// edited by the caller, written back. No key is required or added here.
    /// </summary>
    public static class MsDirectoryServicesOperations
    {
        public const string GetFunction = "GetDirectoryServicesConfiguration";
        public const string SetFunction = "SetDirectoryServicesConfiguration";
        public const string SyncFunction = "SyncUsersWithDirectoryServices";

        /// <summary>The configuration as <see cref="JsonPlain"/> builds it (an ordered dictionary for an object).</summary>
        public static async Task<object?> GetConfigurationAsync(MsConnection connection, CallObserver? observer,
            CancellationToken cancellationToken)
        {
            object? configuration = null;
            await connection.InvokeAsync(GetFunction, null, item => configuration = JsonPlain.ToPlain(item), observer,
                cancellationToken).ConfigureAwait(false);
            return configuration;
        }

        /// <summary>
        /// Sends <paramref name="configuration"/> as the config argument: a dictionary (serialized with its key order
        /// kept) or a JSON text. Secret-named values inside it are kept out of logs and errors.
        /// </summary>
        public static async Task SetConfigurationAsync(MsConnection connection, object configuration, CallObserver? observer,
            CancellationToken cancellationToken)
        {
            if (configuration == null)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "DirectoryServicesConfigurationMissing",
                    "There is no directory services configuration to send.", SetFunction);
            }
            var arguments = new[] { new KeyValuePair<string, object?>("config", configuration) };
            await connection.InvokeAsync(SetFunction, arguments, null, observer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Starts the synchronization as a task; the caller waits (with progress) or keeps the handle. With
        /// <paramref name="dryRun"/> the server only reports what it would change.
        /// </summary>
        public static Task<MsTask> StartSyncUsersAsync(MsConnection connection, bool dryRun, Action<JsonElement>? onResultItem,
            CallObserver? observer, CancellationToken cancellationToken)
        {
            var arguments = new[] { new KeyValuePair<string, object?>("dryRun", dryRun) };
            return connection.StartAsync(SyncFunction, arguments, onResultItem, observer, cancellationToken, dryRun ? DryRunTarget : null);
        }

        /// <summary>The task target of a dry run, shown in progress bars and results.</summary>
        public const string DryRunTarget = "dry run";
    }
}
