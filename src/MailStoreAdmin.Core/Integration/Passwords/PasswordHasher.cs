using System;
using System.Security.Cryptography;
using System.Text;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Makes crypt strings for admins writing user files (and dbmail rows of type "crypt").</summary>
    public static class PasswordHasher
    {
        public const string Sha512Crypt = "sha512-crypt";
        public const string Sha256Crypt = "sha256-crypt";
        public const string BcryptScheme = "bcrypt";
        private const int SaltLength = 16;
        private const int BcryptCost = 12;

        /// <summary>
        /// A "$6$salt$hash" (sha512-crypt, default) or "$5$salt$hash" (sha256-crypt) string with a random
        /// 16-character salt and the default 5000 rounds, or "$2b$12$..." (bcrypt, cost 12), all of which
        /// glibc/libxcrypt crypt(3) and DbMailPasswordSchemes verify.
        /// </summary>
        public static string Hash(string password, string scheme = Sha512Crypt)
        {
            if (password == null) throw new ArgumentNullException(nameof(password));
            var bytes = Encoding.UTF8.GetBytes(password);
            switch ((scheme ?? string.Empty).ToLowerInvariant())
            {
                case Sha512Crypt:
                    return ShaCrypt.Compute(bytes, ShaCrypt.Sha512Prefix + RandomSalt());
                case Sha256Crypt:
                    return ShaCrypt.Compute(bytes, ShaCrypt.Sha256Prefix + RandomSalt());
                case BcryptScheme:
                    return Bcrypt.Compute(bytes, Bcrypt.NewSetting(BcryptCost, RandomBytes(SaltLength)));
                default:
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "PasswordSchemeUnknown",
                        $"Unknown password scheme '{scheme}'. Use {Sha512Crypt}, {Sha256Crypt} or {BcryptScheme}.", scheme);
            }
        }

        private static byte[] RandomBytes(int count)
        {
            var random = new byte[count];
            using (var generator = RandomNumberGenerator.Create()) generator.GetBytes(random);
            return random;
        }

        private static string RandomSalt()
        {
            var random = RandomBytes(SaltLength);
            var salt = new StringBuilder(SaltLength);
            // 256 is a multiple of 64, so taking six bits of each byte keeps the characters uniform.
            foreach (var b in random) salt.Append(CryptBase64.Alphabet[b & 0x3F]);
            return salt.ToString();
        }
    }
}
