using System;
using System.Security.Cryptography;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Poul-Henning Kamp's MD5-crypt ("$1$"), as glibc, libxcrypt and dbmail's md5 type compute it.</summary>
    internal static class Md5Crypt
    {
        public const string Prefix = "$1$";
        private const int MaxSaltLength = 8;
        private static readonly int[] Order = { 0, 6, 12, 1, 7, 13, 2, 8, 14, 3, 9, 15, 4, 10, 5, -1, -1, 11 };

        /// <summary>The full "$1$salt$hash" string for <paramref name="setting"/> ("$1$salt" with anything after it).</summary>
        public static string Compute(byte[] password, string setting)
        {
            if (!setting.StartsWith(Prefix, StringComparison.Ordinal)) throw new ArgumentException("Not an MD5-crypt setting.", nameof(setting));
            var saltText = SaltOf(setting, Prefix.Length, MaxSaltLength);
            var salt = Encoding.UTF8.GetBytes(saltText);
            var magic = Encoding.ASCII.GetBytes(Prefix);

            using var md5 = new HashBuffer(MD5.Create());
            var alternate = md5.Add(password).Add(salt).Add(password).Finish();

            md5.Add(password).Add(magic).Add(salt);
            for (var left = password.Length; left > 0; left -= 16) md5.Add(alternate, Math.Min(left, 16));
            // The original code hashes a byte of its (zeroed) digest buffer for 1-bits: that is a zero byte.
            var zero = new byte[1];
            for (var bits = password.Length; bits != 0; bits >>= 1) md5.Add((bits & 1) != 0 ? zero : password, 1);
            var digest = md5.Finish();

            for (var round = 0; round < 1000; round++)
            {
                md5.Add((round & 1) != 0 ? password : digest);
                if (round % 3 != 0) md5.Add(salt);
                if (round % 7 != 0) md5.Add(password);
                md5.Add((round & 1) != 0 ? digest : password);
                digest = md5.Finish();
            }

            var output = new StringBuilder(Prefix).Append(saltText).Append('$');
            CryptBase64.AppendShuffled(output, digest, Order);
            return output.ToString();
        }

        /// <summary>The salt of a crypt setting: up to <paramref name="max"/> characters from <paramref name="start"/>, ending at '$'.</summary>
        internal static string SaltOf(string setting, int start, int max)
        {
            var end = setting.IndexOf('$', start);
            var length = (end < 0 ? setting.Length : end) - start;
            return setting.Substring(start, Math.Min(length, max));
        }
    }
}
