using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>SPE system settings and status: SMTP, environment, service status, and $archiveadmin access per instance.</summary>
    public static class MsSpeSystemOperations
    {
        public const string SmtpTypeName = "MailStoreAdmin.MsSystemSmtpSetting";
        public const string EnvironmentTypeName = "MailStoreAdmin.MsEnvironmentInfo";
        public const string ServiceStatusTypeName = "MailStoreAdmin.MsServiceStatus";

        public static async Task GetSmtpAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            foreach (var item in await ReadSmtpAsync(connection, context, cancellationToken).ConfigureAwait(false)) context.WriteObject(item);
        }

        private static Task<List<PlainObject>> ReadSmtpAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            MsConfigObject.ReadAllAsync(connection, "GetSystemSmtpConfiguration", null, SmtpTypeName, context, cancellationToken);

        /// <summary>
        /// Set-MsSystemSmtpSetting: read-modify-write. The server never returns the password, so it is sent only when
        /// given; a secret inside the config is kept out of logs by the encoder.
        /// </summary>
        public static async Task SetSmtpAsync(MsConnection connection, IEnumerable<KeyValuePair<string, object?>> changes, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var settings = await MsConfigObject.ReadModifyWriteAsync(connection, changes,
                async () => (await ReadSmtpAsync(connection, context, cancellationToken).ConfigureAwait(false)).FirstOrDefault() ?? new PlainObject { TypeName = SmtpTypeName },
                $"system SMTP settings of {connection}", "SetSystemSmtpConfiguration", null, context, cancellationToken).ConfigureAwait(false);
            if (settings != null && passThru)
            {
                // What the server has now (the password, as always, not shown).
                await GetSmtpAsync(connection, context, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Test-MsSystemSmtpSetting: TestSystemSmtpConfiguration as a task (sends a test message).</summary>
        public static Task TestSmtpAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            // A test only reads the settings (it sends a message, but changes nothing), so it asks no question.
            var request = new MsTaskRequest("TestSystemSmtpConfiguration", null, "system SMTP settings");
            return MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken);
        }

        public static Task GetEnvironmentInfoAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            WriteAllAsync(connection, "GetEnvironmentInfo", EnvironmentTypeName, context, cancellationToken);

        public static Task GetServiceStatusAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            WriteAllAsync(connection, "GetServiceStatus", ServiceStatusTypeName, context, cancellationToken);

        private static async Task WriteAllAsync(MsConnection connection, string function, string typeName, OperationContext context, CancellationToken cancellationToken)
        {
            foreach (var item in await MsConfigObject.ReadAllAsync(connection, function, null, typeName, context, cancellationToken).ConfigureAwait(false))
            {
                context.WriteObject(item);
            }
        }

        /// <summary>Get-MsArchiveAdminAccess: for the scoped instance.</summary>
        public static async Task GetArchiveAdminAccessAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var enabled = false;
            await connection.InvokeAsync("GetArchiveAdminEnabled", null, item =>
                enabled = item.ValueKind == System.Text.Json.JsonValueKind.True
                    || item.ValueKind == System.Text.Json.JsonValueKind.Object && item.TryGetProperty("enabled", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.True,
                context, cancellationToken, connection.InstanceId).ConfigureAwait(false);
            context.WriteObject(new MsArchiveAdminAccess { InstanceId = connection.InstanceId, Enabled = enabled });
        }

        /// <summary>Set-MsArchiveAdminAccess: allows or forbids $archiveadmin logons to the scoped instance.</summary>
        public static async Task SetArchiveAdminAccessAsync(MsConnection connection, bool enabled, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (!context.ShouldProcess($"$archiveadmin access to instance '{connection.InstanceId ?? "(none)"}'", enabled ? "Enable" : "Disable")) return;
            await connection.InvokeAsync("SetArchiveAdminEnabled", MsUserOperations.Args("enabled", enabled), null, context, cancellationToken,
                connection.InstanceId).ConfigureAwait(false);
            if (passThru) context.WriteObject(new MsArchiveAdminAccess { InstanceId = connection.InstanceId, Enabled = enabled });
        }

        /// <summary>
        /// New-MsArchiveAdminUrl: a one-time $archiveadmin logon URL for the scoped instance. The URL holds a password:
        /// the response body is never dumped to the debug stream, and the URL appears in no message.
        /// </summary>
        public static async Task NewArchiveAdminUrlAsync(MsConnection connection, string? instanceUrl, OperationContext context, CancellationToken cancellationToken)
        {
            if (!context.ShouldProcess($"instance '{connection.InstanceId ?? "(none)"}'", "Create a one-time $archiveadmin logon URL")) return;
            var arguments = string.IsNullOrEmpty(instanceUrl) ? null : MsUserOperations.Args("instanceUrl", instanceUrl);
            string? url = null;
            await connection.InvokeAsync("CreateClientOneTimeUrlForArchiveAdmin", arguments, item => url = MsSystemAdministratorOperations.ReadText(item),
                context, cancellationToken, connection.InstanceId).ConfigureAwait(false);
            if (string.IsNullOrEmpty(url)) throw new MailStoreAdminException(ErrorKind.InvalidResult, "UnexpectedResultShape",
                "The server returned no URL.", connection.InstanceId);
            context.WriteObject(new MsArchiveAdminUrl { InstanceId = connection.InstanceId, Url = url });
        }
    }
}
