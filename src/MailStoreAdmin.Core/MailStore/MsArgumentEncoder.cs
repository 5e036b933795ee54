using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>The form fields of one call, and which of their values are secret.</summary>
    public sealed class EncodedArguments
    {
        internal EncodedArguments(IReadOnlyList<KeyValuePair<string, string>> fields, IReadOnlyList<string> secrets)
        {
            Fields = fields;
            Secrets = secrets;
        }

        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }
        public IReadOnlyList<string> Secrets { get; }
    }

    /// <summary>
    /// Checks arguments against the function's metadata and encodes each by its metadata type: bool as
    /// true/false, numbers in the invariant culture, json serialized from objects, arrays comma-joined, dates as
    /// yyyy-MM-ddTHH:mm:ss (the only form the server parses); unset optional arguments are left out. Argument
    /// names match case-insensitively and are sent with the server's spelling (timeZoneID vs timeZoneId).
    /// </summary>
    public static class MsArgumentEncoder
    {
        public const string DateTimeFormat = "yyyy-MM-ddTHH:mm:ss";

        public static EncodedArguments Encode(MsApiFunction function, IEnumerable<KeyValuePair<string, object?>>? arguments,
            string? instanceId)
        {
            var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var unknown = new List<string>();
            foreach (var pair in arguments ?? Enumerable.Empty<KeyValuePair<string, object?>>())
            {
                var argument = function.FindArgument(pair.Key);
                if (argument == null) unknown.Add(pair.Key);
                else if (given.ContainsKey(argument.Name)) throw Invalid(function, $"argument '{argument.Name}' is given twice.");
                else given[argument.Name] = pair.Value;
            }
            if (unknown.Count > 0)
            {
                throw Invalid(function, $"unknown argument(s) {Quote(unknown)}. It takes: {Describe(function)}.");
            }
            if (instanceId != null && function.RequiresInstanceId && !given.ContainsKey(MsApiArgument.InstanceIdName))
            {
                given[MsApiArgument.InstanceIdName] = instanceId;
            }

            var fields = new List<KeyValuePair<string, string>>();
            var secrets = new List<string>();
            var missing = new List<string>();
            foreach (var argument in function.Arguments)
            {
                given.TryGetValue(argument.Name, out var value);
                if (value == null)
                {
                    if (argument.Required) missing.Add(argument.Name);
                    continue;
                }
                var text = EncodeValue(function, argument, value);
                fields.Add(new KeyValuePair<string, string>(argument.Name, text));
                if (Redactor.IsSecretName(argument.Name) && text.Length > 0) secrets.Add(text);
                // A config object may carry a password under an innocent argument name (config).
                if (string.Equals(argument.Type, "json", StringComparison.OrdinalIgnoreCase)) JsonSecrets.Collect(text, secrets);
            }
            if (missing.Count > 0)
            {
                var hint = missing.Contains(MsApiArgument.InstanceIdName) ? " Select an instance (InstanceId) for the call or the connection to have instanceID filled in." : string.Empty;
                throw Invalid(function, $"missing required argument(s) {Quote(missing)}.{hint} It takes: {Describe(function)}.");
            }
            return new EncodedArguments(fields, secrets);
        }

        private static string EncodeValue(MsApiFunction function, MsApiArgument argument, object value)
        {
            // Validation errors quote the value, unless the argument is a secret.
            var shown = Redactor.IsSecretName(argument.Name) ? Redactor.Mask : value;
            switch (argument.Type.ToLowerInvariant())
            {
                case "bool":
                    return EncodeBool(value) ?? throw Invalid(function, $"argument '{argument.Name}' expects true or false, not '{shown}'.");
                case "number":
                    return EncodeNumber(value) ?? throw Invalid(function, $"argument '{argument.Name}' expects a number, not '{shown}'.");
                case "json":
                    return EncodeJson(function, argument, value);
                default:
                    return EncodeText(value);
            }
        }

        private static string? EncodeBool(object value)
        {
            switch (value)
            {
                case bool b:
                    return b ? "true" : "false";
                case string s when bool.TryParse(s.Trim(), out var parsed):
                    return parsed ? "true" : "false";
                case string s when s.Trim() == "1" || s.Trim() == "0":
                    return s.Trim() == "1" ? "true" : "false";
                case int i when i == 0 || i == 1:
                    return i == 1 ? "true" : "false";
                default:
                    return null;
            }
        }

        private static string? EncodeNumber(object value)
        {
            switch (value)
            {
                case Enum e:
                    return Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case byte _:
                case sbyte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                case decimal _:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                case double d when !double.IsNaN(d) && !double.IsInfinity(d):
                    return d.ToString("R", CultureInfo.InvariantCulture);
                case float f when !float.IsNaN(f) && !float.IsInfinity(f):
                    return f.ToString("R", CultureInfo.InvariantCulture);
                case string s when decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    return parsed.ToString(CultureInfo.InvariantCulture);
                default:
                    return null;
            }
        }

        private static string EncodeJson(MsApiFunction function, MsApiArgument argument, object value)
        {
            if (value is string text)
            {
                try
                {
                    using (JsonDocument.Parse(text)) { }
                }
                catch (JsonException e)
                {
                    throw Invalid(function, $"argument '{argument.Name}' expects JSON; the text given does not parse ({e.Message}). Pass an object or hashtable to have it serialized.");
                }
                return text;
            }
            return JsonValueWriter.Serialize(value);
        }

        /// <summary>Text for string arguments: dates in the server's format, lists comma-joined.</summary>
        public static string EncodeText(object value)
        {
            switch (value)
            {
                case string s:
                    return s;
                case bool b:
                    return b ? "true" : "false";
                case DateTime dt:
                    return dt.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
                case DateTimeOffset dto:
                    return dto.DateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
                case IFormattable f:
                    return f.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable list:
                    return string.Join(",", list.Cast<object?>().Where(v => v != null).Select(v => EncodeText(v!)));
                default:
                    return value.ToString() ?? string.Empty;
            }
        }

        private static string Describe(MsApiFunction function) =>
            function.Arguments.Count == 0 ? "no arguments" : string.Join(", ", function.Arguments.Select(a => a.ToString()));

        private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

        private static MailStoreAdminException Invalid(MsApiFunction function, string problem) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidApiArgument",
                $"{function.Name}: {problem}", function.Name);
    }

    /// <summary>Serializes plain values, dictionaries, lists and (by reflection, camelCase) other objects to JSON.</summary>
    public static class JsonValueWriter
    {
        private static readonly JsonSerializerOptions ObjectOptions = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };

        public static string Serialize(object? value)
        {
            return JsonText.Write(writer => Write(writer, value, depth: 0));
        }

        private static void Write(Utf8JsonWriter writer, object? value, int depth)
        {
            if (depth > 64) throw new InvalidOperationException("The object is nested more than 64 levels deep (a cycle?).");
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    break;
                case DateTime dt:
                    writer.WriteStringValue(dt.ToString(MsArgumentEncoder.DateTimeFormat, CultureInfo.InvariantCulture));
                    break;
                case DateTimeOffset dto:
                    writer.WriteStringValue(dto.DateTime.ToString(MsArgumentEncoder.DateTimeFormat, CultureInfo.InvariantCulture));
                    break;
                case Enum e:
                    writer.WriteStringValue(e.ToString());
                    break;
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                case int _:
                case long _:
                case short _:
                case byte _:
                case sbyte _:
                case ushort _:
                case uint _:
                case ulong _:
                case decimal _:
                case double _:
                case float _:
                    writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    writer.WriteStartObject();
                    foreach (var pair in pairs)
                    {
                        writer.WritePropertyName(pair.Key);
                        Write(writer, pair.Value, depth + 1);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable list:
                    writer.WriteStartArray();
                    foreach (var item in list) Write(writer, item, depth + 1);
                    writer.WriteEndArray();
                    break;
                default:
                    JsonSerializer.Serialize(writer, value, value.GetType(), ObjectOptions);
                    break;
            }
        }
    }
}
