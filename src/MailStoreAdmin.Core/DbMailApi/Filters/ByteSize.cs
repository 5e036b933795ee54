using System;
using System.Globalization;

namespace MailStoreAdmin.Core.DbMailApi.Filters
{
    /// <summary>Byte counts as admins write them: 1048576, or PowerShell's suffixes 10KB, 1.5MB, 2GB (powers of 1024).</summary>
    public static class ByteSize
    {
        private static readonly string[] Suffixes = { "KB", "MB", "GB", "TB", "PB" };

        public static bool TryParse(string text, out long bytes)
        {
            bytes = 0;
            if (string.IsNullOrWhiteSpace(text)) return false;
            var value = text.Trim();
            decimal multiplier = 1;
            for (int i = 0; i < Suffixes.Length; i++)
            {
                if (value.EndsWith(Suffixes[i], StringComparison.OrdinalIgnoreCase))
                {
                    multiplier = (decimal)Math.Pow(1024, i + 1);
                    value = value.Substring(0, value.Length - 2).TrimEnd();
                    break;
                }
            }
            if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
            var total = number * multiplier;
            // Sieve takes whole bytes only: "1e3" or "1.5" would pass PHP's is_numeric and then break the script.
            if (total != decimal.Truncate(total) || total > long.MaxValue || total < long.MinValue) return false;
            bytes = (long)total;
            return true;
        }
    }
}
