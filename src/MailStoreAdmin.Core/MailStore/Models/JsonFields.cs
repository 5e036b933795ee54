using System;
using System.Globalization;
using System.Text.Json;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>
    /// Reads fields of server objects by name, case-insensitively (the server spells profileId/profileID and
    /// timeZoneId/timeZoneID both ways), tolerating numbers sent as strings and missing or null fields.
    /// </summary>
    internal static class JsonFields
    {
        public static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            value = default;
            if (element.ValueKind != JsonValueKind.Object) return false;
            if (element.TryGetProperty(name, out value)) return value.ValueKind != JsonValueKind.Null;
            foreach (var property in element.EnumerateObject())
            {
                if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                value = property.Value;
                return value.ValueKind != JsonValueKind.Null;
            }
            return false;
        }

        public static string? String(JsonElement element, params string[] names)
        {
            foreach (var name in names)
            {
                if (!TryGet(element, name, out var value)) continue;
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            }
            return null;
        }

        public static long? Long(JsonElement element, params string[] names)
        {
            var text = String(element, names);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        }

        public static int? Int(JsonElement element, params string[] names)
        {
            var value = Long(element, names);
            return value is long v && v >= int.MinValue && v <= int.MaxValue ? (int)v : (int?)null;
        }

        public static bool? Bool(JsonElement element, params string[] names)
        {
            foreach (var name in names)
            {
                if (!TryGet(element, name, out var value)) continue;
                if (value.ValueKind == JsonValueKind.True) return true;
                if (value.ValueKind == JsonValueKind.False) return false;
                if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed)) return parsed;
            }
            return null;
        }

        /// <summary>A server time: <paramref name="utc"/> says the text is UTC (it was asked in UTC, or the field says so).</summary>
        public static DateTime? Time(JsonElement element, bool utc, params string[] names) => ServerTime.Parse(String(element, names), utc);
    }
}
