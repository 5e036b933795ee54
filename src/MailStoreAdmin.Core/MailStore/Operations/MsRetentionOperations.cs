using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;
using static MailStoreAdmin.Core.MailStore.Operations.MsStoreChangeOperations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Retention policies. The server reads and writes the whole list, so one policy is changed by reading the list,
    /// changing that policy's properties in the objects as read (unknown properties and the other policies stay), and
    /// writing the list back.
    /// </summary>
    public static class MsRetentionOperations
    {
        // Property names as GetRetentionPolicies spells them; matched case-insensitively.
        public const string NameKey = "name";
        public const string PeriodKey = "retentionPeriod";
        public const string UnitKey = "retentionPeriodUnit";
        public const string FoldersKey = "folders";
        public const string ActionKey = "action";

        /// <summary>Get-MsRetentionPolicy: by name or wildcard; an exact name that matches nothing is an error record.</summary>
        public static async Task GetPoliciesAsync(MsConnection connection, string? name, OperationContext context, CancellationToken cancellationToken)
        {
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            var found = false;
            foreach (var policy in await ReadPoliciesAsync(connection, context, cancellationToken).ConfigureAwait(false))
            {
                var typed = ToPolicy(policy, connection);
                if (filter != null && !filter.IsMatch(typed.Name)) continue;
                found = true;
                context.WriteObject(typed);
            }
            if (filter != null && !filter.IsPattern && !found) context.WriteError(NotFound(connection, filter.Literal));
        }

        /// <summary>
        /// Set-MsRetentionPolicy: changes the named policy, or adds it when the server has none by that name (then a
        /// period is needed). Only the given values change; -WhatIf lists them and sends nothing.
        /// </summary>
        public static async Task SetPolicyAsync(MsConnection connection, string name, int? retentionPeriod, MsRetentionPeriodUnit? unit,
            string[]? folders, IDictionary? properties, bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw Invalid("RetentionPolicyNameMissing", "A retention policy needs a name.", name);
            if (retentionPeriod is { } period && period <= 0)
            {
                throw Invalid("RetentionPeriodInvalid", $"A retention period must be at least 1 (got {period}); a period of {period} would make every message due for deletion.", period);
            }
            if (folders != null && folders.Length == 0) throw Invalid("RetentionFoldersEmpty", "A retention policy needs at least one folder to apply to.", name);
            var changes = new OrderedDictionary();
            if (retentionPeriod != null) changes[PeriodKey] = retentionPeriod.Value;
            if (unit != null) changes[UnitKey] = UnitText(unit.Value);
            if (folders != null) changes[FoldersKey] = folders;
            var extras = properties ?? new Hashtable();
            if (extras.Keys.Cast<object>().Any(k => string.Equals(k as string, NameKey, StringComparison.OrdinalIgnoreCase)))
            {
                throw Invalid("RetentionPolicyRenameNotSupported", "The name identifies the policy and cannot be changed through the properties.", name);
            }

            var policies = await ReadPoliciesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var policy = policies.FirstOrDefault(p => string.Equals(Text(p, NameKey), name, StringComparison.OrdinalIgnoreCase));
            var adding = policy == null;
            if (adding)
            {
                if (retentionPeriod == null) throw Invalid("RetentionPeriodMissing", $"There is no retention policy '{name}' yet; adding it needs a retention period.", name);
                policy = new PlainObject { [NameKey] = name };
                if (unit == null) changes[UnitKey] = UnitText(MsRetentionPeriodUnit.Years);
                if (folders == null) changes[FoldersKey] = new[] { "*" };
            }
            if (changes.Count + extras.Count == 0) throw Invalid("RetentionChangeMissing", "Nothing to change: give a period, a unit, folders or properties.", name);
            // The typed values may add their key; other properties only on a new policy, else only keys it has (a typo
            // would be sent and ignored).
            var description = $"retention policy '{name}'";
            var described = MsConfigurationOperations.Apply(policy!, changes, description, addMissing: true);
            described.AddRange(MsConfigurationOperations.Apply(policy!, extras, description, addMissing: adding));
            if (described.Count == 0)
            {
                context.Log(LogLevel.Verbose, $"Retention policy '{name}' already has these values; nothing is sent.");
            }
            else
            {
                var what = $"retention policy '{name}' on {connection} ({string.Join("; ", described)})";
                if (!context.ShouldProcess(what, adding ? "Add" : "Set")) return;
                var list = policies.Cast<object?>().ToList();
                if (adding) list.Add(policy);
                await MsConfigurationOperations.WriteAsync(connection, "SetRetentionPolicies", list.ToArray(), context, cancellationToken).ConfigureAwait(false);
            }
            if (passThru) await GetPoliciesAsync(connection, WildcardEscape(name), context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Invoke-MsRetentionPolicy (ProcessRetentionPolicies) as a task. The API has no dry run, so -WhatIf names the
        /// policies that would be applied and says that the messages cannot be previewed.
        /// </summary>
        public static async Task ProcessPoliciesAsync(MsConnection connection, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            var policies = (await ReadPoliciesAsync(connection, context, cancellationToken).ConfigureAwait(false)).Select(p => ToPolicy(p, connection)).ToList();
            if (policies.Count == 0)
            {
                context.Log(LogLevel.Warning, $"{connection} has no retention policy; nothing to process.");
                return;
            }
            var list = string.Join(", ", policies.Select(p => $"'{p.Name}' ({p.RetentionPeriod} {p.RetentionPeriodUnit})"));
            var request = new MsTaskRequest("ProcessRetentionPolicies", null, "retention policies")
            {
                Change = ("Apply (deletes the messages past their retention period; the server cannot preview which)",
                    $"retention policies {list} on {connection}"),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<List<PlainObject>> ReadPoliciesAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var read = await MsConfigurationOperations.ReadAsync(connection, "GetRetentionPolicies", context, cancellationToken).ConfigureAwait(false);
            var items = read is PlainObject single ? new object?[] { single } : (object?[]?)read ?? Array.Empty<object?>();
            return items.OfType<PlainObject>().ToList();
        }

        internal static MsRetentionPolicy ToPolicy(PlainObject policy, MsConnection connection) => new MsRetentionPolicy
        {
            Name = Text(policy, NameKey),
            RetentionPeriod = Value(policy, PeriodKey) is { } period ? Convert.ToInt32(period, CultureInfo.InvariantCulture) : (int?)null,
            RetentionPeriodUnit = Text(policy, UnitKey),
            Folders = Value(policy, FoldersKey) is object?[] list ? list.Select(f => Convert.ToString(f, CultureInfo.InvariantCulture) ?? string.Empty).ToArray()
                : Value(policy, FoldersKey) is string one ? new[] { one } : Array.Empty<string>(),
            Action = Text(policy, ActionKey),
            Properties = policy,
            ComputerName = connection.ComputerName,
        };

        private static object? Value(PlainObject policy, string key)
        {
            foreach (DictionaryEntry entry in policy)
            {
                if (string.Equals(entry.Key as string, key, StringComparison.OrdinalIgnoreCase)) return entry.Value;
            }
            return null;
        }

        private static string? Text(PlainObject policy, string key) => Value(policy, key) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        public static string UnitText(MsRetentionPeriodUnit unit) => unit switch
        {
            MsRetentionPeriodUnit.Days => "days",
            MsRetentionPeriodUnit.Months => "months",
            MsRetentionPeriodUnit.Years => "years",
            _ => throw Invalid("RetentionPeriodUnitInvalid", $"'{unit}' is not a period unit. Use Days, Months or Years.", unit),
        };

        private static string WildcardEscape(string name) =>
            string.Concat(name.Select(c => c == '*' || c == '?' || c == '[' || c == ']' || c == '`' ? "`" + c : c.ToString()));

        private static MailStoreAdminException NotFound(MsConnection connection, string name) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreRetentionPolicyNotFound",
                $"There is no retention policy named '{name}' on {connection.ComputerName}.", name);
    }
}
