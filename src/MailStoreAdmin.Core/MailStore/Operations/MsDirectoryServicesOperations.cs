using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.Operations;

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

        /// <summary>The type name of the configuration object, for its format view.</summary>
        public const string ConfigurationTypeName = "MailStoreAdmin.DirectoryServicesConfiguration";

        /// <summary>The task target of a dry run, shown in progress bars and results.</summary>
        public const string DryRunTarget = "dry run";

        /// <summary>Get-MsDirectoryServicesConfiguration.</summary>
        public static async Task GetConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var configuration = await ReadConfigurationAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (configuration == null) context.Log(LogLevel.Verbose, $"{connection} returned no directory services configuration.");
            else context.WriteObject(configuration);
        }

        private static async Task<PlainObject?> ReadConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            PlainObject? configuration = null;
            await connection.InvokeAsync(GetFunction, null, item => configuration = JsonPlain.ToPlain(item) as PlainObject, context,
                cancellationToken).ConfigureAwait(false);
            if (configuration != null) configuration.TypeName = ConfigurationTypeName;
            return configuration;
        }

        /// <summary>
        /// Set-MsDirectoryServicesConfiguration: sends <paramref name="input"/> (a dictionary, serialized with its key
        /// order kept, or a JSON text) as the config argument. Secret-named values inside it are kept out of logs and
        /// errors. With <paramref name="passThru"/>, writes the configuration as the server has it afterwards.
        /// </summary>
        public static async Task SetConfigurationAsync(MsConnection connection, object? input, string? password, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var configuration = DirectoryServicesConfiguration.Prepare(input, password, context);
            if (!context.ShouldProcess($"directory services configuration on {connection}", "Set")) return;
            var arguments = new[] { new KeyValuePair<string, object?>("config", configuration) };
            await connection.InvokeAsync(SetFunction, arguments, null, context, cancellationToken).ConfigureAwait(false);
            if (passThru) await GetConfigurationAsync(connection, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sync-MsDirectoryUser: the synchronization as a task. With <paramref name="dryRun"/>, or when the change is
        /// declined (-WhatIf), the server's dry run shows what it would change: a preview that saves nothing.
        /// </summary>
        public static Task SyncUsersAsync(MsConnection connection, bool dryRun, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            var what = $"users of {connection}";
            if (!dryRun && !context.ShouldProcess(what, "Synchronize with the directory service"))
            {
                context.Log(LogLevel.Verbose, "Not synchronized; the server's dry run shows what would change.");
                dryRun = true;
            }
            var arguments = new[] { new KeyValuePair<string, object?>("dryRun", dryRun) };
            var request = new MsTaskRequest(SyncFunction, arguments, dryRun ? DryRunTarget : null);
            return MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken);
        }
    }
}
