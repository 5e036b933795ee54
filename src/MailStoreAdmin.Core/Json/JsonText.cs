using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MailStoreAdmin.Core.Json
{
    /// <summary>JSON written with a Utf8JsonWriter into memory, as bytes or as a string.</summary>
    public static class JsonText
    {
        public static byte[] WriteBytes(Action<Utf8JsonWriter> write, JsonWriterOptions options = default)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, options)) write(writer);
            return buffer.ToArray();
        }

        public static string Write(Action<Utf8JsonWriter> write, JsonWriterOptions options = default) =>
            Encoding.UTF8.GetString(WriteBytes(write, options));
    }
}
