using System.Collections.Generic;
using System.Text.Json;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.Core.MailStore
{
    /// <summary>
    /// Finds the string values of secret-named properties (password, ...) anywhere in a JSON text, so they can be
    /// scrubbed from debug dumps and error messages like any other secret argument.
    /// </summary>
    internal static class JsonSecrets
    {
        /// <summary>
        /// Adds each secret value twice: decoded, and as it is spelled inside <paramref name="json"/> (the writer may
        /// have escaped characters such as + or &amp;, and the form body carries that spelling).
        /// </summary>
        public static void Collect(string json, List<string> secrets)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                Visit(document.RootElement, secrets, depth: 0);
            }
            catch (JsonException)
            {
                // The encoder has already checked the text; nothing to collect from what does not parse.
            }
        }

        private static void Visit(JsonElement element, List<string> secrets, int depth)
        {
            if (depth > 64) return;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String && Redactor.IsSecretName(property.Name))
                        {
                            Add(property.Value, secrets);
                        }
                        else
                        {
                            Visit(property.Value, secrets, depth + 1);
                        }
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray()) Visit(item, secrets, depth + 1);
                    break;
            }
        }

        private static void Add(JsonElement value, List<string> secrets)
        {
            var decoded = value.GetString();
            if (string.IsNullOrEmpty(decoded)) return;
            secrets.Add(decoded!);
            var raw = value.GetRawText();
            var spelled = raw.Substring(1, raw.Length - 2);
            if (spelled != decoded) secrets.Add(spelled);
        }
    }
}
