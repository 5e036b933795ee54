using System.Collections.Generic;
using System.Text;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>
    /// application/x-www-form-urlencoded in UTF-8. Hand-written because FormUrlEncodedContent on .NET Framework
    /// rejects values over 65,519 characters (large JSON configuration arguments hit that).
    /// </summary>
    public static class FormEncoder
    {
        public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var sb = new StringBuilder();
            foreach (var field in fields)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(Escape(field.Key)).Append('=').Append(Escape(field.Value));
            }
            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        public static string Escape(string value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            var bytes = Encoding.UTF8.GetBytes(value);
            var sb = new StringBuilder(bytes.Length);
            foreach (var b in bytes)
            {
                if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '.' || b == '_' || b == '*')
                {
                    sb.Append((char)b);
                }
                else if (b == ' ')
                {
                    sb.Append('+');
                }
                else
                {
                    sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
                }
            }
            return sb.ToString();
        }
    }
}
