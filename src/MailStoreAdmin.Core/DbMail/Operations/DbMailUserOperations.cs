using MailStoreAdmin.Core.Operations;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.DbMail.Operations
{
    /// <summary>
    /// dbmail accounts. Every call on a named user first checks that it exists, so an unknown user is the same
    /// DbMailUserNotFound everywhere (the server answers ok on some routes and 500 on others).
    /// </summary>
    public static class DbMailUserOperations
    {
        public static async Task<bool> ExistsAsync(DbMailConnection connection, string userName, OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.UserName(userName);
            var answer = await connection.CallAsync(new DbMailForm(DbMailRoutes.IsUserPresent, userName).Add("userName", userName),
                context, cancellationToken).ConfigureAwait(false);
            return answer.TryGetProperty("found", out var found) && found.ValueKind == JsonValueKind.True;
        }

        /// <summary>Test-DbMailUser: writes whether the user exists.</summary>
        public static async Task TestAsync(DbMailConnection connection, string userName, OperationContext context, CancellationToken cancellationToken) =>
            context.WriteObject(await ExistsAsync(connection, userName, context, cancellationToken).ConfigureAwait(false));

        public static async Task RequireAsync(DbMailConnection connection, string userName, OperationContext context, CancellationToken cancellationToken)
        {
            if (!await ExistsAsync(connection, userName, context, cancellationToken).ConfigureAwait(false)) throw DbMailErrors.UserNotFound(userName);
        }

        /// <summary>New-DbMailUser: creates a user (password stored as sha256 by the server) and writes it.</summary>
        public static async Task CreateAsync(DbMailConnection connection, string userName, string password,
            OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.UserName(userName);
            if (userName.IndexOf(',') >= 0)
            {
                // createUser passes the name to dbmail-users -s, which splits it on commas into several aliases.
                throw DbMailErrors.Invalid("DbMailUserNameHasComma", $"The user name '{userName}' contains a comma; dbmail-api would turn it into several e-mail aliases.", userName);
            }
            DbMailInput.Password(password, userName);
            if (await ExistsAsync(connection, userName, context, cancellationToken).ConfigureAwait(false)) throw DbMailErrors.UserExists(userName);
            if (!context.ShouldProcess($"dbmail user '{userName}' on {connection}", "Create")) return;
            await connection.CallAsync(new DbMailForm(DbMailRoutes.CreateUser, userName).Add("userName", userName).AddSecret("password", password),
                context, cancellationToken).ConfigureAwait(false);
            context.WriteObject(new DbMailUser(userName, connection.ToString()));
        }

        public static async Task SetPasswordAsync(DbMailConnection connection, string userName, string password,
            OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.Password(password, userName);
            await RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"dbmail user '{userName}' on {connection}", "Set password")) return;
            await connection.CallAsync(new DbMailForm(DbMailRoutes.ChangePassword, userName).Add("userName", userName).AddSecret("password", password),
                context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Deletes the user with all mail and, unless kept, its POP3 fetch rules (which deleteUser leaves behind).
        /// The user goes first: if that fails, nothing else has changed.
        /// </summary>
        public static async Task RemoveAsync(DbMailConnection connection, string userName, bool keepFetchRules,
            OperationContext context, CancellationToken cancellationToken)
        {
            await RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<DbMailFetchRule> rules = keepFetchRules ? new DbMailFetchRule[0]
                : await DbMailFetchRuleOperations.ListRawAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            var what = rules.Count == 0 ? $"dbmail user '{userName}' and all its mail" : $"dbmail user '{userName}', all its mail and {rules.Count} POP3 fetch rule(s)";
            if (!context.ShouldProcess($"{what} on {connection}", "Remove")) return;
            await connection.CallAsync(new DbMailForm(DbMailRoutes.DeleteUser, userName).Add("userName", userName), context, cancellationToken).ConfigureAwait(false);
            await DbMailFetchRuleOperations.RemoveAllAsync(connection, userName, rules, context, cancellationToken).ConfigureAwait(false);
        }

        public static async Task ClearMailboxAsync(DbMailConnection connection, string userName, OperationContext context, CancellationToken cancellationToken)
        {
            await RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"every message in every folder of dbmail user '{userName}' on {connection}", "Delete")) return;
            await connection.CallAsync(new DbMailForm(DbMailRoutes.TruncateUser, userName).Add("userName", userName), context, cancellationToken).ConfigureAwait(false);
        }

        public static async Task GetUnreadCountAsync(DbMailConnection connection, string userName, OperationContext context, CancellationToken cancellationToken)
        {
            await RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            var answer = await connection.CallAsync(new DbMailForm(DbMailRoutes.GetUnreadCount, userName).Add("userName", userName),
                context, cancellationToken).ConfigureAwait(false);
            context.WriteObject(new DbMailUnreadCount(userName, DbMailJson.Int(answer, "unreadCount", DbMailRoutes.GetUnreadCount)));
        }
    }
}
