using System;
using System.Linq;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>
    /// Checks shared by every route: dbmail-api treats an empty value and "0" as missing (PHP empty()), stores at
    /// most 255 characters, and writes some values into scripts and command lines where control characters do harm.
    /// </summary>
    internal static class DbMailInput
    {
        public const int MaxLength = 255;

        public static string Text(string? value, string what, object? target, int maxLength = MaxLength)
        {
            if (string.IsNullOrEmpty(value)) throw DbMailErrors.Invalid("DbMailValueMissing", $"The {what} is empty.", target);
            if (value == "0")
            {
                throw DbMailErrors.Invalid("DbMailValueUnsupported",
                    $"The {what} cannot be \"0\": dbmail-api treats \"0\" as a missing value and refuses the request.", target);
            }
            if (value!.Length > maxLength) throw DbMailErrors.Invalid("DbMailValueTooLong", $"The {what} is longer than {maxLength} characters.", target);
            if (HasControlCharacter(value))
            {
                throw DbMailErrors.Invalid("DbMailValueHasControlCharacters",
                    $"The {what} contains a line break or another control character.", target);
            }
            return value;
        }

        /// <summary>Line and paragraph separators count too: anything that can end a line in a sieve comment.</summary>
        public static bool HasControlCharacter(string value) =>
            value.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029');

        public static string UserName(string? value) => Text(value, "dbmail user name", value);

        /// <summary>Passwords go through escapeshellarg to dbmail-users: only emptiness and "0" are a problem.</summary>
        public static string Password(string? value, object? target)
        {
            if (string.IsNullOrEmpty(value)) throw DbMailErrors.Invalid("DbMailValueMissing", "The password is empty.", target);
            if (value == "0")
            {
                throw DbMailErrors.Invalid("DbMailValueUnsupported",
                    "The password cannot be \"0\": dbmail-api treats \"0\" as a missing value and refuses the request.", target);
            }
            if (value!.IndexOf('\0') >= 0) throw DbMailErrors.Invalid("DbMailValueHasControlCharacters", "The password contains a NUL character.", target);
            return value;
        }

        public static bool IsAscii(string value) => value.All(c => c < 0x80);

        public static string Describe(bool value) => value ? "1" : "0";
    }
}
