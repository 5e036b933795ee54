using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.DbMailApi.Filters
{
    /// <summary>
    /// Between typed rules and dbmail-api's JSON: "rules" is an array of one-key objects, "actions" one key. Decoding
    /// accepts what the server stores (numbers or strings, a bare object, extra actions) and keeps the raw text.
    /// </summary>
    public static class FilterRuleCodec
    {
        public static string EncodeRules(IEnumerable<DbMailFilterCondition> conditions) => JsonText.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var condition in conditions)
            {
                writer.WriteStartObject();
                writer.WriteStartObject(FilterNames.FieldName(condition.Field));
                writer.WriteString("operation", FilterNames.OperatorName(condition.Operator));
                var value = condition.Field == DbMailFilterField.MessageSize && ByteSize.TryParse(condition.Value, out var bytes)
                    ? bytes.ToString(CultureInfo.InvariantCulture) : condition.Value;
                writer.WriteString("value", value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });

        public static string EncodeActions(DbMailFilterAction action, string? argument) => JsonText.Write(writer =>
        {
            writer.WriteStartObject();
            switch (action)
            {
                case DbMailFilterAction.Discard: writer.WriteString("Discard", string.Empty); break;
                case DbMailFilterAction.MarkRead: writer.WriteString("Mark", "Read"); break;
                case DbMailFilterAction.MarkFlagged: writer.WriteString("Mark", "Flagged"); break;
                case DbMailFilterAction.StoreIn: writer.WriteString("Store in", argument); break;
                case DbMailFilterAction.MirrorTo: writer.WriteString("Mirror to", argument); break;
                default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
            }
            writer.WriteEndObject();
        });

        public static string EncodeJoin(DbMailJoinOperator join) => join == DbMailJoinOperator.Or ? "or" : "and";

        /// <summary>The getRules answer: [] when there are none, otherwise an object keyed by rule name.</summary>
        public static IReadOnlyList<DbMailFilterRule> DecodeRules(string userName, JsonElement rules)
        {
            if (rules.ValueKind == JsonValueKind.Array) return Array.Empty<DbMailFilterRule>();
            if (rules.ValueKind != JsonValueKind.Object) throw new FormatException("'rules' is neither an object nor an empty array.");
            return rules.EnumerateObject().Select(r => DecodeRule(userName, r.Name, r.Value)).ToList();
        }

        private static DbMailFilterRule DecodeRule(string userName, string name, JsonElement rule)
        {
            var rulesElement = rule.TryGetProperty("rules", out var r) ? r : default;
            var actionsElement = rule.TryGetProperty("actions", out var a) ? a : default;
            var joinText = rule.TryGetProperty("rulesJoinOperator", out var j) && j.ValueKind == JsonValueKind.String ? j.GetString()! : "and";
            var disabled = rule.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True;

            var conditions = new List<DbMailFilterCondition>();
            var elements = rulesElement.ValueKind == JsonValueKind.Array ? rulesElement.EnumerateArray().ToList()
                : rulesElement.ValueKind == JsonValueKind.Object ? new List<JsonElement> { rulesElement } : new List<JsonElement>();
            foreach (var element in elements.Where(e => e.ValueKind == JsonValueKind.Object))
            {
                foreach (var test in element.EnumerateObject())
                {
                    if (!FilterNames.TryParseField(test.Name, out var field)) continue;  // e.g. the ignored "Disabled"
                    var operation = Scalar(test.Value, "operation");
                    FilterNames.TryParseOperator(operation ?? string.Empty, out var op);
                    conditions.Add(new DbMailFilterCondition(field, op, Scalar(test.Value, "value") ?? string.Empty));
                }
            }

            var (action, argument) = DecodeAction(actionsElement);
            return new DbMailFilterRule(userName, name, conditions,
                string.Equals(joinText, "or", StringComparison.Ordinal) ? DbMailJoinOperator.Or : DbMailJoinOperator.And,
                action, argument, disabled, Raw(rulesElement), Raw(actionsElement), joinText);
        }

        private static (DbMailFilterAction, string?) DecodeAction(JsonElement actions)
        {
            if (actions.ValueKind != JsonValueKind.Object) return (DbMailFilterAction.Discard, null);
            foreach (var action in actions.EnumerateObject())
            {
                var argument = action.Value.ValueKind == JsonValueKind.String ? action.Value.GetString() : action.Value.GetRawText();
                switch (action.Name)
                {
                    case "Discard": return (DbMailFilterAction.Discard, null);
                    case "Mark": return (argument == "Flagged" ? DbMailFilterAction.MarkFlagged : DbMailFilterAction.MarkRead, null);
                    case "Store in": return (DbMailFilterAction.StoreIn, argument);
                    case "Mirror to": return (DbMailFilterAction.MirrorTo, argument);
                }
            }
            return (DbMailFilterAction.Discard, null);
        }

        private static string? Scalar(JsonElement element, string name)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        private static string Raw(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? string.Empty : element.GetRawText();
    }
}
