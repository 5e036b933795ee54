using System;
using System.Collections.Generic;
using MailStoreAdmin.Core.Integration.Passwords;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>Turns reader rows into users, with the same rules for CSV and JSON; any bad row fails the whole file.</summary>
    internal static class UserFileValidator
    {
        private static readonly char[] AddressSeparators = { ';', ',' };

        /// <summary>Users by name (case-insensitive). <paramref name="warn"/> hears about hashes no verifier here can check.</summary>
        public static Dictionary<string, UserFileEntry> Validate(IEnumerable<UserFileRow> rows, Action<string>? warn)
        {
            var users = new Dictionary<string, UserFileEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                var entry = Build(row);
                if (users.TryGetValue(entry.User.UserName, out var earlier))
                    throw new UserFileException(row.Location, $"duplicate userName '{entry.User.UserName}' (also at {earlier.Location})");
                users.Add(entry.User.UserName, entry);
                if (entry.PasswordHash != null && !DbMailPasswordSchemes.IsSupported(entry.EncryptionType, entry.PasswordHash))
                    warn?.Invoke($"{row.Location}: user '{entry.User.UserName}' cannot log in: the password hash scheme is not supported.");
            }
            return users;
        }

        private static UserFileEntry Build(UserFileRow row)
        {
            var userName = Get(row, UserFileFields.UserName);
            if (string.IsNullOrEmpty(userName)) throw new UserFileException(row.Location, $"'{UserFileFields.UserName}' is missing or empty");

            var user = new DirectoryUser(userName!, Get(row, UserFileFields.FullName), Get(row, UserFileFields.DistinguishedName), Addresses(row));
            var (type, hash) = Password(row);
            return new UserFileEntry(row.Location, user, Active(row), type, hash);
        }

        private static string? Get(UserFileRow row, string field) => row.Values.TryGetValue(field, out var value) ? value : null;

        private static List<string> Addresses(UserFileRow row)
        {
            var raw = row.EmailList ?? new List<string>((Get(row, UserFileFields.EmailAddresses) ?? string.Empty).Split(AddressSeparators));
            var addresses = new List<string>();
            foreach (var item in raw)
            {
                var address = item.Trim();
                if (address.Length > 0 && !addresses.Exists(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase))) addresses.Add(address);
            }
            return addresses;
        }

        /// <summary>
        /// A passwordScheme names a dbmail encryption_type; without one the hash must be a crypt(3) string.
        /// Plaintext is refused: a file of cleartext passwords is a leak waiting to happen.
        /// </summary>
        private static (string? Type, string? Hash) Password(UserFileRow row)
        {
            var hash = Get(row, UserFileFields.PasswordHash);
            var scheme = Get(row, UserFileFields.PasswordScheme);
            if (string.IsNullOrEmpty(hash)) hash = null;

            if (scheme != null)
            {
                if (scheme.Length == 0 || string.Equals(scheme, "plaintext", StringComparison.OrdinalIgnoreCase))
                    throw new UserFileException(row.Location, "plaintext passwords are not accepted; store a crypt hash such as $6$... instead");
                if (!DbMailPasswordSchemes.IsKnownType(scheme))
                    throw new UserFileException(row.Location, $"unknown passwordScheme '{scheme}' (use a dbmail encryption_type: crypt, md5, md5sum, md5base64, sha1, sha256, sha512, whirlpool, tiger)");
                if (hash == null) throw new UserFileException(row.Location, "passwordScheme is given but passwordHash is empty");
                return (scheme.ToLowerInvariant(), hash);
            }

            if (hash != null && !LooksLikeCrypt(hash))
                throw new UserFileException(row.Location, "passwordHash is not a crypt string like $6$...; for a dbmail-style hash add a passwordScheme column (plaintext is not accepted)");
            return ("crypt", hash);
        }

        /// <summary>"$id$..." of any algorithm (unsupported ones are warned about, not refused) or 13-character DES.</summary>
        private static bool LooksLikeCrypt(string hash) =>
            (hash.Length > 3 && hash[0] == '$' && hash.IndexOf('$', 1) > 1) || DbMailPasswordSchemes.IsSupported("crypt", hash);

        private static bool Active(UserFileRow row)
        {
            var value = Get(row, UserFileFields.Active);
            if (string.IsNullOrEmpty(value)) return true;
            switch (value!.ToLowerInvariant())
            {
                case "true": case "1": case "yes": return true;
                case "false": case "0": case "no": return false;
                default: throw new UserFileException(row.Location, $"'{UserFileFields.Active}' must be true/false, 1/0 or yes/no, not '{value}'");
            }
        }
    }
}
