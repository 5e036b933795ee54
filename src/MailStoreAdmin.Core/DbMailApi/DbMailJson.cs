using System.Globalization;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>Numbers as PHP sends them: ints on PHP 8.1+, numeric strings on the PHP 5 of the API's era.</summary>
    internal static class DbMailJson
    {
        public static int Int(JsonElement parent, string name, string route)
        {
            if (parent.TryGetProperty(name, out var value))
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
                if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)) return number;
                if (value.ValueKind == JsonValueKind.True) return 1;
                if (value.ValueKind == JsonValueKind.False) return 0;
            }
            throw new MailStoreAdminException(ErrorKind.ProtocolError, "DbMailUnexpectedResponse",
                $"dbmail-api {route} answered without a number in '{name}'.", route);
        }

        public static string String(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
    }
}
