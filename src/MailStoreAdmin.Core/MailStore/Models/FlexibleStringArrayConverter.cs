using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailStoreAdmin.Core.MailStore.Models
{
    /// <summary>Reads a list the server may send as an array, a comma-separated string, or null.</summary>
    public sealed class FlexibleStringArrayConverter : JsonConverter<string[]>
    {
        public override string[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return Array.Empty<string>();
                case JsonTokenType.String:
                    var text = reader.GetString() ?? string.Empty;
                    return text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries);
                case JsonTokenType.StartArray:
                    var items = new List<string>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.String) items.Add(reader.GetString()!);
                        else if (reader.TokenType != JsonTokenType.Null)
                        {
                            using var document = JsonDocument.ParseValue(ref reader);
                            items.Add(document.RootElement.GetRawText());
                        }
                    }
                    return items.ToArray();
                default:
                    throw new JsonException($"Expected a list of strings, found {reader.TokenType}.");
            }
        }

        public override void Write(Utf8JsonWriter writer, string[] value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) writer.WriteStringValue(item);
            writer.WriteEndArray();
        }
    }
}
