using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;

namespace MailStoreAdmin.Core.Json
{
    /// <summary>
    /// Turns a JSON element into plain .NET values: objects become ordered dictionaries (property order kept),
    /// arrays object[], numbers int/long/double, so the PowerShell layer can build PSCustomObjects from any
    /// result without knowing its shape.
    /// </summary>
    public static class JsonPlain
    {
        public static object? ToPlain(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var dictionary = new PlainObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        // Duplicate names (never seen, but legal JSON): the last one wins, as in ConvertFrom-Json.
                        dictionary[property.Name] = ToPlain(property.Value);
                    }
                    return dictionary;
                case JsonValueKind.Array:
                    var list = new List<object?>(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray()) list.Add(ToPlain(item));
                    return list.ToArray();
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt32(out var i)) return i;
                    if (element.TryGetInt64(out var l)) return l;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
