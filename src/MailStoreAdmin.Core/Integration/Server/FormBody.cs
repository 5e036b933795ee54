using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// Strict application/x-www-form-urlencoded decoding (UTF-8). Anything ambiguous is refused rather than guessed:
    /// a bad percent escape, a raw control character, invalid UTF-8, or a field given twice. Raw (unescaped) UTF-8
    /// bytes are accepted because some clients send them.
    /// </summary>
    internal static class FormBody
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public static bool IsFormContentType(string? contentType)
        {
            if (contentType == null) return false;
            var semicolon = contentType.IndexOf(';');
            var mediaType = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
            return mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The fields, or <see cref="HttpProtocolException"/> (400) for a malformed body.</summary>
        public static Dictionary<string, string> Parse(byte[] body)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var start = 0;
            while (start <= body.Length)
            {
                var end = Array.IndexOf(body, (byte)'&', start);
                if (end < 0) end = body.Length;
                if (end > start)
                {
                    var equals = Array.IndexOf(body, (byte)'=', start, end - start);
                    var name = Decode(body, start, equals < 0 ? end : equals);
                    var value = equals < 0 ? string.Empty : Decode(body, equals + 1, end);
                    if (fields.ContainsKey(name)) throw Malformed($"form field '{LogText.Clean(name)}' appears more than once");
                    fields.Add(name, value);
                }
                start = end + 1;
            }
            return fields;
        }

        private static string Decode(byte[] body, int from, int to)
        {
            using var bytes = new MemoryStream(to - from);
            for (var i = from; i < to; i++)
            {
                var b = body[i];
                if (b == '+')
                {
                    bytes.WriteByte((byte)' ');
                }
                else if (b == '%')
                {
                    if (i + 2 >= to || HexValue(body[i + 1]) < 0 || HexValue(body[i + 2]) < 0)
                    {
                        throw Malformed("malformed percent escape in the form body");
                    }
                    bytes.WriteByte((byte)(HexValue(body[i + 1]) * 16 + HexValue(body[i + 2])));
                    i += 2;
                }
                else if (b < 0x20 || b == 0x7f)
                {
                    throw Malformed("raw control character in the form body");
                }
                else
                {
                    bytes.WriteByte(b);
                }
            }
            try
            {
                return StrictUtf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed("the form body is not valid UTF-8");
            }
        }

        private static int HexValue(byte b)
        {
            if (b >= '0' && b <= '9') return b - '0';
            if (b >= 'a' && b <= 'f') return b - 'a' + 10;
            if (b >= 'A' && b <= 'F') return b - 'A' + 10;
            return -1;
        }

        private static HttpProtocolException Malformed(string message) => new HttpProtocolException(400, message);
    }
}
