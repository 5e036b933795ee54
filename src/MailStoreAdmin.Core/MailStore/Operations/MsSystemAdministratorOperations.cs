using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// SPE system administrators (management server accounts), their passwords, API passwords and MFA. Passwords go out
    /// only as secret form fields (kept out of every log) and come back only as SecureStrings.
    /// </summary>
    public static class MsSystemAdministratorOperations
    {
        public const string TypeName = "MailStoreAdmin.MsSystemAdministrator";
        private const string NameKey = "userName";

        private static Task<List<PlainObject>> ListAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            MsConfigObject.ReadAllAsync(connection, "GetSystemAdministrators", null, TypeName, context, cancellationToken);

        public static async Task GetAsync(MsConnection connection, string? userName, OperationContext context, CancellationToken cancellationToken)
        {
            var all = await ListAsync(connection, context, cancellationToken).ConfigureAwait(false);
            foreach (var admin in MsConfigObject.Filter(all, NameKey, userName, NotFound, context)) context.WriteObject(admin);
        }

        public static async Task NewAsync(MsConnection connection, string userName, string password, IEnumerable<KeyValuePair<string, object?>> settings,
            OperationContext context, CancellationToken cancellationToken)
        {
            MsConfigObject.RequireText(userName, "The user name", "InvalidUserName");
            RequirePassword(password);
            var all = await ListAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (all.Any(a => string.Equals(MsConfigObject.Text(a, NameKey), userName, System.StringComparison.OrdinalIgnoreCase)))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreSystemAdministratorExists",
                    $"There already is a system administrator named '{userName}'.", userName);
            }
            var config = new PlainObject { [NameKey] = userName };
            MsConfigObject.Apply(config, settings);
            if (!context.ShouldProcess($"system administrator '{userName}' on {connection}", "Create")) return;
            var arguments = new[] { new KeyValuePair<string, object?>("config", config), new KeyValuePair<string, object?>("password", password) };
            await connection.InvokeAsync("CreateSystemAdministrator", arguments, null, context, cancellationToken, userName).ConfigureAwait(false);
            await GetAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
        }

        public static async Task SetAsync(MsConnection connection, string userName, IEnumerable<KeyValuePair<string, object?>> changes, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var admin = await MsConfigObject.ReadModifyWriteAsync(connection, changes,
                async () => MsConfigObject.Single(await ListAsync(connection, context, cancellationToken).ConfigureAwait(false), NameKey, userName, NotFound),
                $"system administrator '{userName}'", "SetSystemAdministratorConfiguration", userName, context, cancellationToken).ConfigureAwait(false);
            if (admin != null && passThru) context.WriteObject(admin);
        }

        public static Task RemoveAsync(MsConnection connection, string userName, OperationContext context, CancellationToken cancellationToken) =>
            ChangeAsync(connection, userName, "DeleteSystemAdministrator", "Remove", null, context, cancellationToken);

        public static Task SetPasswordAsync(MsConnection connection, string userName, string password, OperationContext context, CancellationToken cancellationToken)
        {
            RequirePassword(password);
            return ChangeAsync(connection, userName, "SetSystemAdministratorPassword", "Set password", password, context, cancellationToken);
        }

        public static Task InitializeMfaAsync(MsConnection connection, string userName, OperationContext context, CancellationToken cancellationToken) =>
            ChangeAsync(connection, userName, "InitializeSystemAdministratorMFA", "Initialize MFA (set up at next logon)", null, context, cancellationToken);

        public static Task DisableMfaAsync(MsConnection connection, string userName, OperationContext context, CancellationToken cancellationToken) =>
            ChangeAsync(connection, userName, "DeactivateSystemAdministratorMFA", "Deactivate MFA", null, context, cancellationToken);

        // One call about an existing administrator (checked first, so a typo is a clear error and nothing is sent).
        private static async Task ChangeAsync(MsConnection connection, string userName, string function, string action, string? password,
            OperationContext context, CancellationToken cancellationToken)
        {
            MsConfigObject.RequireText(userName, "The user name", "InvalidUserName");
            var admin = MsConfigObject.Single(await ListAsync(connection, context, cancellationToken).ConfigureAwait(false), NameKey, userName, NotFound);
            var exact = MsConfigObject.Text(admin, NameKey)!;
            if (!context.ShouldProcess($"system administrator '{exact}' on {connection}", action)) return;
            var arguments = new List<KeyValuePair<string, object?>> { new KeyValuePair<string, object?>(NameKey, exact) };
            if (password != null) arguments.Add(new KeyValuePair<string, object?>("password", password));
            await connection.InvokeAsync(function, arguments, null, context, cancellationToken, exact).ConfigureAwait(false);
        }

        /// <summary>
        /// New-MsSystemAdministratorApiPassword: a new API password for the connected account (needed for API use when
        /// MFA is on). The server returns it once; it is written as a SecureString and never logged.
        /// </summary>
        public static async Task NewApiPasswordAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            if (!context.ShouldProcess($"API password of '{connection.UserName}' on {connection}", "Create (replaces the current one)")) return;
            string? password = null;
            await connection.InvokeAsync("CreateSystemAdministratorAPIPassword", null, item => password = ReadText(item), context, cancellationToken)
                .ConfigureAwait(false);
            if (string.IsNullOrEmpty(password)) throw new MailStoreAdminException(ErrorKind.InvalidResult, "UnexpectedResultShape",
                "The server returned no API password.", connection.UserName);
            context.WriteObject(new MsSystemAdministratorApiPassword { UserName = connection.UserName, Password = SecretText.ToSecureString(password!) });
        }

        internal static string? ReadText(System.Text.Json.JsonElement item) =>
            item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString()
            : item.ValueKind == System.Text.Json.JsonValueKind.Object && item.TryGetProperty("password", out var p) ? p.GetString()
            : item.ValueKind == System.Text.Json.JsonValueKind.Object && item.TryGetProperty("url", out var u) ? u.GetString()
            : null;

        private static void RequirePassword(string password)
        {
            if (string.IsNullOrEmpty(password))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidPassword", "The password must not be empty.");
            }
        }

        private static MailStoreAdminException NotFound(string name) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreSystemAdministratorNotFound", $"There is no system administrator named '{name}'.", name);
    }
}
