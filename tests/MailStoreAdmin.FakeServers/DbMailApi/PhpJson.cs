using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MailStoreAdmin.FakeServers.DbMailApi;

/// <summary>
/// PHP's json_encode with default flags, byte for byte: '/' as "\/", every non-ASCII UTF-16 unit as a lower-case
/// "\uXXXX", no whitespace. Re-encoding a decoded value reproduces what dbmail-api stores and returns.
/// </summary>
public static class PhpJson
{
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '/': sb.Append("\\/"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>json_encode(json_decode($text, true)) for the shapes dbmail-api sees.</summary>
    public static string Reencode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                // PHP decodes {} to an empty array, which encodes back as [].
                if (members.Count == 0) return "[]";
                return "{" + string.Join(",", members.Select(m => String(m.Name) + ":" + Reencode(m.Value))) + "}";
            case JsonValueKind.Array:
                return "[" + string.Join(",", element.EnumerateArray().Select(Reencode)) + "]";
            case JsonValueKind.String:
                return String(element.GetString()!);
            case JsonValueKind.True: return "true";
            case JsonValueKind.False: return "false";
            case JsonValueKind.Null: return "null";
            default: return element.GetRawText();
        }
    }
}
