using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using MailStoreAdmin.Core.DbMailApi.Models;

namespace MailStoreAdmin.Core.DbMailApi.Filters
{
    /// <summary>
    /// Everything dbmail-api gets wrong or checks too late, checked before a rule is sent: names that inject sieve
    /// code, sizes the import rejects, operators that do not fit the field, addresses the server would accept but
    /// cannot deliver to. Returns warnings for rules that are valid but will not behave as an admin expects.
    /// </summary>
    public static class FilterRuleValidator
    {
        private static readonly Regex Address = new Regex(
            "^[^@\\s\"<>(),;:\\\\\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$",
            RegexOptions.CultureInvariant);

        public static IReadOnlyList<string> Validate(DbMailFilterRuleSpec spec)
        {
            var warnings = new List<string>();
            ValidateName(spec.Name);
            if (spec.Conditions == null || spec.Conditions.Count == 0)
            {
                throw DbMailErrors.Invalid("DbMailFilterRuleHasNoCondition", $"Filter rule '{spec.Name}' has no condition; give at least one.", spec.Name,
                    "Build conditions with New-DbMailFilterCondition or hashtables such as @{ Field = 'From'; Operator = 'Is'; Value = 'boss@example.com' }.");
            }
            foreach (var condition in spec.Conditions) ValidateCondition(spec.Name, condition, warnings);
            if (!Enum.IsDefined(typeof(DbMailJoinOperator), spec.JoinOperator))
            {
                throw DbMailErrors.Invalid("DbMailFilterJoinOperatorUnknown", $"'{spec.JoinOperator}' is not a join operator; use And or Or.", spec.Name);
            }
            ValidateAction(spec, warnings);
            return warnings;
        }

        public static void ValidateName(string? name)
        {
            if (name != null && DbMailInput.HasControlCharacter(name))
            {
                throw DbMailErrors.Invalid("DbMailFilterRuleNameUnsafe",
                    "The filter rule name contains a line break or another control character. dbmail-api writes the name unescaped into the user's sieve script, where it would run as sieve code.",
                    name, "Use a name on one line without control characters.");
            }
            DbMailInput.Text(name, "filter rule name", name);
        }

        private static void ValidateCondition(string rule, DbMailFilterCondition? condition, List<string> warnings)
        {
            if (condition == null) throw DbMailErrors.Invalid("DbMailFilterConditionMissing", $"Filter rule '{rule}' has an empty condition.", rule);
            if (!FilterNames.IsDefined(condition.Field))
            {
                throw DbMailErrors.Invalid("DbMailFilterFieldUnknown", $"'{condition.Field}' is not a field dbmail-api can filter on; use one of {FilterNames.KnownFields}.", rule);
            }
            if (!FilterNames.IsDefined(condition.Operator))
            {
                throw DbMailErrors.Invalid("DbMailFilterOperatorUnknown", $"'{condition.Operator}' is not an operator; use Is, IsNot, LessThan or GreaterThan.", rule);
            }
            var value = condition.Value ?? string.Empty;
            if (condition.Field == DbMailFilterField.MessageSize)
            {
                if (!ByteSize.TryParse(value, out var bytes))
                {
                    throw DbMailErrors.Invalid("DbMailFilterSizeInvalid",
                        $"Message size '{value}' is not a whole number of bytes (such as 1048576 or 10MB).", rule);
                }
                if (bytes <= 0) throw DbMailErrors.Invalid("DbMailFilterSizeInvalid", $"Message size must be above 0 bytes; it is {bytes}.", rule);
                return;
            }

            var field = FilterNames.FieldName(condition.Field);
            if (condition.Operator != DbMailFilterOperator.Is && condition.Operator != DbMailFilterOperator.IsNot)
            {
                throw DbMailErrors.Invalid("DbMailFilterOperatorUnknown",
                    $"{condition.Operator} applies to MessageSize only; {field} takes Is or IsNot (with *text* for 'contains').", rule);
            }
            DbMailInput.Text(value, $"value compared with {field}", rule, int.MaxValue);
            if (!DbMailInput.IsAscii(value) || value.IndexOf('&') >= 0)
            {
                warnings.Add($"Filter rule '{rule}': the {field} value \"{value}\" can never match. dbmail-api encodes every non-ASCII character and '&' as modified UTF-7 (a folder-name encoding) before comparing headers.");
            }
            var inner = value.Length >= 2 && value.StartsWith("*", StringComparison.Ordinal) && value.EndsWith("*", StringComparison.Ordinal)
                ? value.Substring(1, value.Length - 2) : value;
            if (inner.IndexOf('*') >= 0)
            {
                warnings.Add($"Filter rule '{rule}': '*' in \"{value}\" is matched literally; only a value that both starts and ends with '*' means 'contains'.");
            }
        }

        private static void ValidateAction(DbMailFilterRuleSpec spec, List<string> warnings)
        {
            switch (spec.Action)
            {
                case DbMailFilterAction.Discard:
                    return;
                case DbMailFilterAction.MarkRead:
                case DbMailFilterAction.MarkFlagged:
                    warnings.Add($"Filter rule '{spec.Name}': dbmail applies sieve flags only together with fileinto, so a Mark rule may have no visible effect.");
                    return;
                case DbMailFilterAction.StoreIn:
                    DbMailInput.Text(spec.ActionArgument, "folder to store in", spec.Name, int.MaxValue);
                    return;
                case DbMailFilterAction.MirrorTo:
                    var address = spec.ActionArgument;
                    if (string.IsNullOrEmpty(address) || !Address.IsMatch(address!))
                    {
                        throw DbMailErrors.Invalid("DbMailFilterAddressInvalid",
                            $"'{address}' is not an e-mail address to mirror to (expected local@domain.tld, ASCII only).", spec.Name);
                    }
                    warnings.Add($"Filter rule '{spec.Name}': Mirror to forwards without keeping a copy in the mailbox (dbmail's redirect cancels the implicit keep).");
                    return;
                default:
                    throw DbMailErrors.Invalid("DbMailFilterActionUnknown", $"'{spec.Action}' is not an action; use Discard, MarkRead, MarkFlagged, StoreIn or MirrorTo.", spec.Name);
            }
        }
    }
}
