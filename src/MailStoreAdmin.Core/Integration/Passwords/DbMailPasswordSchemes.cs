using System;
using System.Security.Cryptography;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Checks a password exactly as dbmail's db_user_validate does, for every encryption_type dbmail knows.</summary>
    public static class DbMailPasswordSchemes
    {
        private static readonly string[] KnownTypes = { "", "crypt", "md5", "md5sum", "md5base64", "sha1", "sha256", "sha512", "whirlpool", "tiger" };

        /// <summary>True for the encryption_type values db_user_validate has a branch for ('' is plaintext), in any case.</summary>
        public static bool IsKnownType(string? encryptionType) => Array.IndexOf(KnownTypes, Normalize(encryptionType)) >= 0;

        /// <summary>
        /// True when <paramref name="password"/> matches <paramref name="storedPassword"/> under dbmail's
        /// <paramref name="encryptionType"/> (compared case-insensitively; '' = plaintext). Unknown types never match.
        /// </summary>
        public static bool Verify(string? encryptionType, string? storedPassword, string password)
        {
            if (string.IsNullOrEmpty(storedPassword) || password == null) return false;
            var stored = storedPassword!;
            var bytes = Encoding.UTF8.GetBytes(password);

            switch (Normalize(encryptionType))
            {
                case "":
                    return ConstantTime.Equals(stored, password);
                case "crypt":
                    var computed = UnixCrypt.Compute(bytes, stored);
                    return computed != null && ConstantTime.Equals(computed, stored);
                case "md5":
                    // dbmail-users writes MD5-crypt under "md5"; raw imports may hold a bare hex digest instead.
                    return stored.StartsWith(Md5Crypt.Prefix, StringComparison.Ordinal)
                        ? ConstantTime.PrefixEquals(Md5Crypt.Compute(bytes, stored), stored, 34)
                        : HexMatches(MD5.Create(), bytes, stored, 32);
                case "md5sum":
                    return HexMatches(MD5.Create(), bytes, stored, 32);
                case "md5base64":
                    return Md5Base64Matches(bytes, stored);
                case "sha1":
                    // dbmail compares only 32 of SHA-1's 40 hex digits; so must we, or its rows stop validating.
                    return HexMatches(SHA1.Create(), bytes, stored, 32);
                case "sha256":
                    return HexMatches(SHA256.Create(), bytes, stored, 64);
                case "sha512":
                    return HexMatches(SHA512.Create(), bytes, stored, 128);
                case "whirlpool":
                    return ConstantTime.PrefixEquals(LowerHex(Whirlpool.Hash(bytes)), stored, 128);
                case "tiger":
                    return ConstantTime.PrefixEquals(LowerHex(Tiger.Hash(bytes)), stored, 48);
                default:
                    return false;
            }
        }

        /// <summary>
        /// False when Verify could never succeed because of the scheme rather than the password: an unknown
        /// encryption_type, an empty stored value, or a crypt string whose algorithm is not implemented here
        /// (yescrypt "$y$", for example). Lets a user source log "unsupported scheme" instead of failing silently.
        /// </summary>
        public static bool IsSupported(string? encryptionType, string? storedPassword)
        {
            if (string.IsNullOrEmpty(storedPassword)) return false;
            if (!IsKnownType(encryptionType)) return false;
            return Normalize(encryptionType) != "crypt" || UnixCrypt.IsSupported(storedPassword!);
        }

        /// <summary>dbmail reads a NULL column as ''; types are ASCII words compared with strcasecmp.</summary>
        private static string Normalize(string? encryptionType) => (encryptionType ?? string.Empty).ToLowerInvariant();

        private static bool HexMatches(HashAlgorithm algorithm, byte[] password, string stored, int compared)
        {
            using (algorithm) return ConstantTime.PrefixEquals(LowerHex(algorithm.ComputeHash(password)), stored, compared);
        }

        /// <summary>
        /// dbmail 3.x base64-encodes a 2048-byte buffer holding the 16-byte digest then zeros, and compares 32
        /// characters: 22 digest characters then "AAAAAAAAAA". dbmail 2.2 stored the standard 24-character
        /// "...==" form; 3.x rejects those rows, but they hold the same digest, so accepting them lets sites that
        /// migrated keep logging in without weakening anything.
        /// </summary>
        private static bool Md5Base64Matches(byte[] password, string stored)
        {
            byte[] digest;
            using (var md5 = MD5.Create()) digest = md5.ComputeHash(password);
            var buffer = new byte[24];
            Buffer.BlockCopy(digest, 0, buffer, 0, digest.Length);
            var dbmail3 = ConstantTime.PrefixEquals(Convert.ToBase64String(buffer), stored, 32);
            var dbmail22 = ConstantTime.Equals(Convert.ToBase64String(digest), stored);
            return dbmail3 | dbmail22;
        }

        internal static string LowerHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) text.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 0xF]);
            return text.ToString();
        }
    }
}
