using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.FakeServers.DbMailApi;

/// <summary>An error the fake answers with {"status":"error","message":...} and the given status.</summary>
public sealed class FakeApiError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// dbmail-api's SieveCreator as the transcripts show it: the same checks in the same order with the same
/// messages, UTF7-IMAP mangling of every string, and the block text with its #comment lines.
/// </summary>
public static class FakeSieveCreator
{
    public const string NothingGenerated = "Произошла ошибка при создании фильтра";
    private static readonly string[] HeaderAttributes = { "From", "Subject", "X-Spam-Flag", "Any To or Cc" };
    private static readonly string[] ActionOrder = { "Discard", "Mirror to", "Mark", "Store in" };

    public static int ActionRank(string action) => Array.IndexOf(ActionOrder, action);

    public static FakeRuleBlock Create(string name, JsonElement rules, JsonElement actions, string joinOperator, bool disabled, string importCommand)
    {
        var elements = rules.ValueKind == JsonValueKind.Array ? rules.EnumerateArray().ToList() : new List<JsonElement> { rules };
        var requires = new List<string>();
        var conditions = new List<string>();
        var parseErrors = new HashSet<string>();
        foreach (var element in elements)
        {
            if (element.ValueKind != JsonValueKind.Object && element.ValueKind != JsonValueKind.Array)
            {
                throw new FakeApiError(500, $"foreach() argument must be of type array|object, {PhpType(element)} given");
            }
            var parts = new List<string>();
            foreach (var member in element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : Enumerable.Empty<JsonProperty>())
            {
                var condition = Condition(member.Name, member.Value);
                if (condition != null) parts.Add(condition);
            }
            // Two attributes in one element are joined with a bare comma: invalid sieve the import rejects.
            if (parts.Count > 1) parseErrors.Add("comma");
            if (parts.Count > 0) conditions.Add(string.Join(", ", parts));
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("Message Size", out var size) && !IsPlainInteger(size)) parseErrors.Add("number");
        }
        if (conditions.Count == 0) throw new FakeApiError(500, NothingGenerated);
        if (conditions.Count > 1 && joinOperator != "and" && joinOperator != "or")
        {
            throw new FakeApiError(500, "rulesJoinOperator must be in [and, or]");
        }

        var actionLines = new List<string>();
        string? first = null;
        foreach (var action in actions.EnumerateObject())
        {
            first ??= action.Name;
            actionLines.Add(Action(action.Name, action.Value, requires));
        }

        var test = conditions.Count == 1 ? conditions[0]
            : (joinOperator == "and" ? "allof(" : "anyof(") + string.Join(",\n         ", conditions) + ")";
        // What libSieve rejects on import: a bare comma between tests, a size that is numeric for PHP but not for sieve.
        string? unexpected = parseErrors.Contains("comma") ? "','" : parseErrors.Contains("number") ? "$undefined" : null;
        if (unexpected != null)
        {
            throw new FakeApiError(500, $"'{importCommand}' returned code 255 with message: Script [script.sieve] has errors: Parse error on line [23]: syntax error, unexpected {unexpected}, expecting '{{'.\n");
        }

        var rulesJson = PhpJson.Reencode(rules.ValueKind == JsonValueKind.Array ? rules : Wrap(rules));
        var actionsJson = PhpJson.Reencode(actions);
        var text = new StringBuilder();
        text.Append("#rule=").Append(name).Append('\n');
        if (requires.Count > 0) text.Append("#require={").Append(string.Join(",", requires.Select(r => PhpJson.String(r) + ":true"))).Append("}\n");
        text.Append("#rules=").Append(rulesJson).Append('\n');
        text.Append("#rulesJoinOperator=").Append(PhpJson.String(joinOperator)).Append('\n');
        if (disabled) text.Append("#disabled=true\n");
        text.Append("#actions=").Append(actionsJson).Append('\n');
        var body = new StringBuilder().Append("if ").Append(test).Append(" {\n");
        foreach (var line in actionLines) body.Append("    ").Append(line).Append(";\n");
        body.Append('}');
        foreach (var line in body.ToString().Split('\n'))
        {
            text.Append(disabled && line.Length > 0 ? "#" + line : line).Append('\n');
        }
        return new FakeRuleBlock(name, rulesJson, joinOperator, disabled, actionsJson, first ?? "", requires, text.ToString());
    }

    private static JsonElement Wrap(JsonElement element)
    {
        using var document = JsonDocument.Parse("[" + element.GetRawText() + "]");
        return document.RootElement.Clone();
    }

    private static string? Condition(string attribute, JsonElement rule)
    {
        if (attribute == "Disabled") return null;
        if (attribute == "Message Size")
        {
            var value = Scalar(rule, "value");
            if (value == null || PhpEmpty(value) || !IsNumeric(value)) throw new FakeApiError(500, "value is not numeric");
            var operation = Scalar(rule, "operation");
            return operation switch
            {
                "less than" => $"size :under {value}",
                "greater than" => $"size :over {value}",
                "is" => $"allof(size :over {Shift(value, -1)},\n         size :under {Shift(value, 1)})",
                "is not" => $"anyof(size :under {value},\n         size :over {value})",
                _ => throw new FakeApiError(500, "wrong operation"),
            };
        }
        if (!HeaderAttributes.Contains(attribute)) throw new FakeApiError(500, "unknown attribute " + attribute);
        var headerValue = StringMember(rule, "value");
        var headerOperation = StringMember(rule, "operation");
        if (headerValue == null || headerOperation == null || PhpEmpty(headerValue) || PhpEmpty(headerOperation))
        {
            throw new FakeApiError(500, "value or operation are wrong");
        }
        if (headerOperation != "is" && headerOperation != "is not") throw new FakeApiError(500, "operation wrong");
        var contains = headerValue.Length >= 2 && headerValue.StartsWith('*') && headerValue.EndsWith('*');
        var match = contains ? ":contains" : ":is";
        var text = contains ? headerValue[1..^1] : headerValue;
        var header = attribute == "Any To or Cc" ? "[\"Cc\", \"To\"]" : Quote(attribute);
        return (headerOperation == "is not" ? "not " : "") + $"header {match} {header} {Quote(Utf7Imap.Encode(text))}";
    }

    private static string Action(string action, JsonElement attribute, List<string> requires)
    {
        switch (action)
        {
            case "Discard":
                return "discard";
            case "Mark":
                var flag = attribute.ValueKind == JsonValueKind.String ? attribute.GetString() : attribute.GetRawText();
                if (!requires.Contains("imap4flags")) requires.Add("imap4flags");
                return flag switch
                {
                    "Read" => "addflag \"Seen\"",
                    "Flagged" => "addflag \"Flagged\"",
                    _ => throw new FakeApiError(500, "wrong attribute " + flag),
                };
            case "Store in":
                if (attribute.ValueKind != JsonValueKind.String || PhpEmpty(attribute.GetString()!)) throw new FakeApiError(500, "wrong attribute");
                if (!requires.Contains("fileinto")) requires.Add("fileinto");
                return "fileinto " + Quote(Utf7Imap.Encode(attribute.GetString()!));
            case "Mirror to":
                var address = attribute.ValueKind == JsonValueKind.String ? attribute.GetString()! : attribute.GetRawText();
                if (!Regex.IsMatch(address, ".+@.+\\..+")) throw new FakeApiError(500, "wrong email " + address);
                return "redirect " + Quote(Utf7Imap.Encode(address));
            default:
                throw new FakeApiError(500, "unknown action " + action);
        }
    }

    private static string? Scalar(JsonElement rule, string name) =>
        rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(name, out var v)
            ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null)
            : null;

    private static string? StringMember(JsonElement rule, string name) =>
        rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool IsPlainInteger(JsonElement rule)
    {
        var value = Scalar(rule, "value");
        return value != null && Regex.IsMatch(value, "^[0-9]+$");
    }

    /// <summary>PHP's is_numeric: decimal, fraction or exponent forms, optional sign and leading blanks.</summary>
    private static bool IsNumeric(string value) => Regex.IsMatch(value, @"^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$");

    private static string Shift(string value, int by) =>
        (double.Parse(value, CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture);

    public static bool PhpEmpty(string value) => value.Length == 0 || value == "0";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string PhpType(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => element.GetRawText().Contains('.') ? "float" : "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
