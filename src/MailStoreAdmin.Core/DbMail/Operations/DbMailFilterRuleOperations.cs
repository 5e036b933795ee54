using MailStoreAdmin.Core.Operations;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.DbMail.Filters;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.DbMail.Operations
{
    /// <summary>
    /// Sieve filter rules. dbmail-api neither checks names for uniqueness nor deletes by exact name (deleteRule
    /// removes every rule whose name starts with the one given), so both are handled here.
    /// </summary>
    public static class DbMailFilterRuleOperations
    {
        /// <summary>
        /// Get-DbMailFilterRule: the user's rules, or those whose names match <paramref name="name"/> (wildcards,
        /// case-sensitive: the server stores and compares rule names exactly).
        /// </summary>
        public static async Task GetAsync(DbMailConnection connection, string userName, string? name,
            OperationContext context, CancellationToken cancellationToken)
        {
            var filter = name == null ? null : new Wildcard(name, caseSensitive: true);
            foreach (var rule in await ListAsync(connection, userName, context, cancellationToken).ConfigureAwait(false))
            {
                if (filter == null || filter.IsMatch(rule.Name)) context.WriteObject(rule);
            }
        }

        private static async Task<IReadOnlyList<DbMailFilterRule>> ListAsync(DbMailConnection connection, string userName,
            OperationContext context, CancellationToken cancellationToken)
        {
            await DbMailUserOperations.RequireAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            return await GetRawAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>New-DbMailFilterRule: checks the rule completely before anything is sent, then writes it.</summary>
        public static async Task CreateAsync(DbMailConnection connection, string userName, DbMailFilterRuleSpec spec,
            OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.UserName(userName);
            foreach (var warning in FilterRuleValidator.Validate(spec)) context.Log(LogLevel.Warning, warning);
            var existing = await ListAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (existing.Any(r => r.Name == spec.Name)) throw DbMailErrors.RuleExists(userName, spec.Name);

            var rulesJson = FilterRuleCodec.EncodeRules(spec.Conditions);
            var actionsJson = FilterRuleCodec.EncodeActions(spec.Action, spec.ActionArgument);
            var join = FilterRuleCodec.EncodeJoin(spec.JoinOperator);
            if (!context.ShouldProcess($"filter rule '{spec.Name}' of dbmail user '{userName}'", "Create")) return;
            await SendCreateAsync(connection, userName, spec.Name, rulesJson, actionsJson, join, spec.Disabled, context, cancellationToken).ConfigureAwait(false);
            context.WriteObject(new DbMailFilterRule(userName, spec.Name, spec.Conditions, spec.JoinOperator, spec.Action,
                spec.Action == DbMailFilterAction.StoreIn || spec.Action == DbMailFilterAction.MirrorTo ? spec.ActionArgument : null,
                spec.Disabled, rulesJson, actionsJson, join));
        }

        /// <summary>
        /// Removes exactly the named rule. Rules whose names merely start with it are deleted by the server too;
        /// they are re-created from their stored definitions, and if that fails the error carries the definitions.
        /// </summary>
        public static async Task RemoveAsync(DbMailConnection connection, string userName, string name,
            OperationContext context, CancellationToken cancellationToken)
        {
            DbMailInput.Text(name, "filter rule name", name);
            var before = await ListAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            if (!before.Any(r => r.Name == name)) throw DbMailErrors.RuleNotFound(userName, name);
            var bystanders = before.Where(r => r.Name != name && r.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
            if (!context.ShouldProcess($"filter rule '{name}' of dbmail user '{userName}'", "Remove")) return;

            await connection.CallAsync(new DbMailForm(DbMailRoutes.DeleteRule, name).Add("userName", userName).Add("ruleName", name),
                context, cancellationToken).ConfigureAwait(false);
            if (bystanders.Count == 0) return;

            var after = await GetRawAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            var lost = bystanders.Where(b => !after.Any(a => a.Name == b.Name)).ToList();
            await RestoreAsync(connection, userName, name, lost, context, cancellationToken).ConfigureAwait(false);
        }

        private static async Task RestoreAsync(DbMailConnection connection, string userName, string removed, IReadOnlyList<DbMailFilterRule> lost,
            OperationContext context, CancellationToken cancellationToken)
        {
            var failed = new List<DbMailFilterRule>();
            foreach (var rule in lost)
            {
                try
                {
                    // Exactly as stored: the raw JSON and join text round-trip even where the typed view is lossy.
                    await SendCreateAsync(connection, userName, rule.Name, rule.RulesJson, rule.ActionsJson, rule.JoinOperatorText, rule.Disabled,
                        context, CancellationToken.None).ConfigureAwait(false);
                    context.Log(LogLevel.Warning, $"dbmail-api also deleted filter rule '{rule.Name}' of '{userName}' (its name starts with '{removed}'); it has been re-created.");
                }
                catch (MailStoreAdminException)
                {
                    failed.Add(rule);
                }
            }
            if (failed.Count > 0)
            {
                var definitions = string.Join("; ", failed.Select(r => $"'{r.Name}': rules={r.RulesJson} actions={r.ActionsJson} rulesJoinOperator={r.JoinOperatorText} disabled={r.Disabled}"));
                throw new MailStoreAdminException(ErrorKind.InvalidResult, "DbMailFilterRuleRestoreFailed",
                    $"Removing '{removed}' made dbmail-api delete other rules of '{userName}' whose names start with it, and they could not be re-created: {definitions}.",
                    failed, recommendedAction: "Re-create them from the definitions in this message (the error's TargetObject holds them as objects).");
            }
        }

        private static Task SendCreateAsync(DbMailConnection connection, string userName, string name, string rulesJson, string actionsJson,
            string join, bool disabled, OperationContext context, CancellationToken cancellationToken)
        {
            var form = new DbMailForm(DbMailRoutes.CreateRule, name)
                .Add("userName", userName).Add("ruleName", name).Add("rulesJoinOperator", join)
                .Add("disabled", DbMailInput.Describe(disabled))  // PHP truthiness: "false" would disable the rule
                .Add("rules", rulesJson).Add("actions", actionsJson);
            return connection.CallAsync(form, context, cancellationToken);
        }

        private static async Task<IReadOnlyList<DbMailFilterRule>> GetRawAsync(DbMailConnection connection, string userName,
            OperationContext context, CancellationToken cancellationToken)
        {
            var answer = await connection.CallAsync(new DbMailForm(DbMailRoutes.GetRules, userName).Add("userName", userName),
                context, cancellationToken).ConfigureAwait(false);
            try
            {
                return FilterRuleCodec.DecodeRules(userName, answer.TryGetProperty("rules", out var rules) ? rules : default);
            }
            catch (FormatException e)
            {
                throw new MailStoreAdminException(ErrorKind.ProtocolError, "DbMailUnexpectedResponse", $"dbmail-api getRules: {e.Message}", userName, e);
            }
        }
    }
}
