using MailStoreAdmin.Core.Operations;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.DbMailApi.Operations
{
    /// <summary>
    /// POP3 fetch rules (the getmail database). The server checks no ownership on remove and answers with a PHP
    /// null dereference for an unknown id on edit, so every change first finds the rule among the user's own.
    /// </summary>
    public static class DbMailFetchRuleOperations
    {
        /// <summary>
        /// Get-DbMailFetchRule: the user's rules (only those with the given ids, when given). Rules left behind by a
        /// deleted user are still listed, with a warning.
        /// </summary>
        public static async Task ListAsync(DbMailApiConnection connection, string userName, IReadOnlyCollection<int>? ids,
            OperationContext context, CancellationToken cancellationToken)
        {
            foreach (var rule in await ListCheckedAsync(connection, userName, context, cancellationToken).ConfigureAwait(false))
            {
                if (ids == null || ids.Contains(rule.Id)) context.WriteObject(rule);
            }
        }

        private static async Task<IReadOnlyList<DbMailFetchRule>> ListCheckedAsync(DbMailApiConnection connection, string userName,
            OperationContext context, CancellationToken cancellationToken)
        {
            var exists = await DbMailUserOperations.ExistsAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            var rules = await ListRawAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (!exists && rules.Count == 0) throw DbMailErrors.UserNotFound(userName);
            if (!exists)
            {
                context.Log(LogLevel.Warning, $"There is no dbmail user '{userName}'; its {rules.Count} POP3 fetch rule(s) are orphans that getmail still runs. Remove them with Remove-DbMailFetchRule.");
            }
            return rules;
        }

        internal static async Task<IReadOnlyList<DbMailFetchRule>> ListRawAsync(DbMailApiConnection connection, string userName,
            OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.UserName(userName);
            var answer = await connection.CallAsync(new DbMailForm(DbMailRoutes.ListGetMailRules, userName).Add("userName", userName),
                context, cancellationToken).ConfigureAwait(false);
            if (!answer.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array) return new DbMailFetchRule[0];
            return rules.EnumerateArray().Select(Decode).ToList();
        }

        /// <summary>New-DbMailFetchRule: writes the rule as the server stored it.</summary>
        public static async Task AddAsync(DbMailApiConnection connection, string userName, string server, string remoteUser,
            string password, bool deleteAfterFetch, OperationContext context, CancellationToken cancellationToken)
        {
            ValidateRule(userName, server, remoteUser);
            DbMailInput.Password(password, remoteUser);
            await DbMailUserOperations.RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"POP3 fetch rule {remoteUser} on {server} for dbmail user '{userName}'", "Create")) return;
            var form = new DbMailForm(DbMailRoutes.AddGetMailRule, userName)
                .Add("userName", userName).Add("host", server).Add("email", remoteUser).AddSecret("password", password)
                .Add("delete", DbMailInput.Describe(deleteAfterFetch));  // documented optional, refused when missing
            var answer = await connection.CallAsync(form, context, cancellationToken).ConfigureAwait(false);
            var id = DbMailJson.Int(answer, "ruleId", DbMailRoutes.AddGetMailRule);
            context.WriteObject(await FindAsync(connection, userName, id, context, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>
        /// Set-DbMailFetchRule: changes the given parts of a rule; the rest, the password included, stays as it is.
        /// With <paramref name="passThru"/>, writes the rule as the server has it afterwards.
        /// </summary>
        public static async Task SetAsync(DbMailApiConnection connection, string userName, int id, string? server,
            string? remoteUser, string? password, bool? deleteAfterFetch, bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            var current = await FindAsync(connection, userName, id, context, cancellationToken).ConfigureAwait(false);
            var newServer = server ?? current.Server;
            var newRemoteUser = remoteUser ?? current.RemoteUser;
            ValidateRule(userName, newServer, newRemoteUser);
            if (password != null) DbMailInput.Password(password, newRemoteUser);
            if (!context.ShouldProcess($"POP3 fetch rule {id} ({current.RemoteUser} on {current.Server}) of dbmail user '{userName}'", "Change")) return;
            var form = new DbMailForm(DbMailRoutes.EditGetMailRule, id)
                .Add("id", id.ToString(CultureInfo.InvariantCulture)).Add("userName", userName).Add("host", newServer).Add("email", newRemoteUser)
                .AddSecret("password", password ?? string.Empty)  // must be present; empty keeps the stored password
                .Add("delete", DbMailInput.Describe(deleteAfterFetch ?? current.DeleteAfterFetch));
            await connection.CallAsync(form, context, cancellationToken).ConfigureAwait(false);
            if (passThru) context.WriteObject(await FindAsync(connection, userName, id, context, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Remove-DbMailFetchRule: only a rule of this user (the server would remove any id).</summary>
        public static async Task RemoveAsync(DbMailApiConnection connection, string userName, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var rule = await FindAsync(connection, userName, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"POP3 fetch rule {id} ({rule.RemoteUser} on {rule.Server}) of dbmail user '{userName}'", "Remove")) return;
            await RemoveByIdAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Removes rules after their user is gone; names every rule it could not remove.</summary>
        internal static async Task RemoveAllAsync(DbMailApiConnection connection, string userName, IReadOnlyList<DbMailFetchRule> rules,
            OperationContext context, CancellationToken cancellationToken)
        {
            var failed = new List<string>();
            foreach (var rule in rules)
            {
                try
                {
                    await RemoveByIdAsync(connection, rule.Id, context, cancellationToken).ConfigureAwait(false);
                    context.Log(LogLevel.Verbose, $"Removed POP3 fetch rule {rule.Id} ({rule.RemoteUser} on {rule.Server}) of '{userName}'.");
                }
                catch (MailStoreAdminException e)
                {
                    failed.Add($"{rule.Id} ({e.Message})");
                }
            }
            if (failed.Count > 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidResult, "DbMailFetchRuleCleanupFailed",
                    $"The dbmail user '{userName}' was removed, but not its POP3 fetch rule(s) {string.Join(", ", failed)}.", userName,
                    recommendedAction: $"Remove them by user '{userName}' and rule id with Remove-DbMailFetchRule.");
            }
        }

        private static Task RemoveByIdAsync(DbMailApiConnection connection, int id, OperationContext context, CancellationToken cancellationToken) =>
            connection.CallAsync(new DbMailForm(DbMailRoutes.RemoveGetMailRule, id).Add("ruleId", id.ToString(CultureInfo.InvariantCulture)),
                context, cancellationToken);

        private static async Task<DbMailFetchRule> FindAsync(DbMailApiConnection connection, string userName, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var rules = await ListRawAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            return rules.FirstOrDefault(r => r.Id == id) ?? throw DbMailErrors.FetchRuleNotFound(userName, id);
        }

        private static void ValidateRule(string userName, string server, string remoteUser)
        {
            DbMailInput.UserName(userName);
            DbMailInput.Text(server, "POP3 server", server);
            if (Uri.CheckHostName(server) == UriHostNameType.Unknown)
            {
                throw DbMailErrors.Invalid("DbMailFetchServerInvalid", $"'{server}' is not a host name or IP address.", server,
                    "Give the POP3 server's name only; the server tries port 110, then 995 with SSL.");
            }
            DbMailInput.Text(remoteUser, "POP3 login", remoteUser);
        }

        private static DbMailFetchRule Decode(JsonElement rule)
        {
            var route = DbMailRoutes.ListGetMailRules;
            var status = DbMailJson.Int(rule, "status", route);
            return new DbMailFetchRule(
                DbMailJson.Int(rule, "id", route),
                DbMailJson.String(rule, "dbMailUserName"),
                DbMailJson.String(rule, "host"),
                DbMailJson.String(rule, "email"),
                SecretText.ToSecureString(DbMailJson.String(rule, "password")),
                DbMailJson.Int(rule, "delete", route) != 0,
                DbMailJson.Int(rule, "ssl", route) != 0,
                Enum.IsDefined(typeof(DbMailFetchStatus), status) ? (DbMailFetchStatus)status : DbMailFetchStatus.Unknown);
        }
    }
}
