using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>A JSON user file: an array of user objects, or an object whose "users" property is that array.</summary>
    internal static class JsonUserFileReader
    {
        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        public static List<UserFileRow> Read(byte[] content)
        {
            JsonDocument document;
            try
            {
                // JsonDocument does not skip a UTF-8 byte order mark the way editors on Windows like to write one.
                var bom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
                document = JsonDocument.Parse(new System.ReadOnlyMemory<byte>(content, bom, content.Length - bom), Options);
            }
            catch (JsonException e)
            {
                // The parser's own message quotes file content, which may be a password hash.
                throw new UserFileException($"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON (near byte {(e.BytePositionInLine ?? 0) + 1} of the line)");
            }

            using (document)
            {
                var users = UsersArray(document.RootElement);
                var rows = new List<UserFileRow>();
                var index = 0;
                foreach (var element in users.EnumerateArray())
                {
                    index++;
                    rows.Add(ReadUser(element, $"element {index}"));
                }
                return rows;
            }
        }

        private static JsonElement UsersArray(JsonElement root)
        {
            if (root.ValueKind == JsonValueKind.Array) return root;
            if (root.ValueKind == JsonValueKind.Object)
                foreach (var property in root.EnumerateObject())
                    if (string.Equals(property.Name, "users", System.StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                        return property.Value;
            throw new UserFileException("line 1", "expected an array of users, or an object with a \"users\" array");
        }

        private static UserFileRow ReadUser(JsonElement element, string location)
        {
            if (element.ValueKind != JsonValueKind.Object) throw new UserFileException(location, "each user must be a JSON object");
            var row = new UserFileRow(location);
            foreach (var property in element.EnumerateObject())
            {
                var name = UserFileFields.Canonical(property.Name)
                    ?? throw new UserFileException(location, $"unknown property '{property.Name}' (known: {UserFileFields.KnownList})");
                if (row.Values.ContainsKey(name) || (name == UserFileFields.EmailAddresses && row.EmailList != null))
                    throw new UserFileException(location, $"property '{name}' appears twice");

                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.String:
                        row.Values[name] = value.GetString()!.Trim();
                        break;
                    case JsonValueKind.Array when name == UserFileFields.EmailAddresses:
                        row.EmailList = new List<string>();
                        foreach (var item in value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.String) throw new UserFileException(location, $"'{name}' must hold only strings");
                            row.EmailList.Add(item.GetString()!);
                        }
                        break;
                    case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number when name == UserFileFields.Active:
                        row.Values[name] = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetBoolean().ToString(CultureInfo.InvariantCulture);
                        break;
                    default:
                        throw new UserFileException(location, $"'{name}' must be a string{(name == UserFileFields.EmailAddresses ? " or an array of strings" : "")}");
                }
            }
            return row;
        }
    }
}
