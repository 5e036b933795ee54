using System.Globalization;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>Keeps caller-supplied text from forging or flooding log lines: control characters escaped, length capped.</summary>
    internal static class LogText
    {
        private const int MaxLength = 300;

        public static string Clean(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                if (text.Length >= MaxLength)
                {
                    text.Append("...");
                    break;
                }
                if (char.IsControl(c)) text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                else text.Append(c);
            }
            return text.ToString();
        }

        public static string Quote(string value) => "\"" + Clean(value).Replace("\"", "\\\"") + "\"";
    }
}
