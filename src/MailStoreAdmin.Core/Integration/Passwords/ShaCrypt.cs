using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Ulrich Drepper's SHA-crypt: "$5$" (SHA-256) and "$6$" (SHA-512), with optional "rounds=N$".</summary>
    internal static class ShaCrypt
    {
        public const string Sha256Prefix = "$5$";
        public const string Sha512Prefix = "$6$";
        public const int DefaultRounds = 5000;
        private const string RoundsPrefix = "rounds=";
        private const int MinRounds = 1000;
        private const int MaxRounds = 999_999_999;
        private const int MaxSaltLength = 16;

        private static readonly int[] Sha256Order =
        {
            0, 10, 20, 21, 1, 11, 12, 22, 2, 3, 13, 23, 24, 4, 14, 15, 25, 5, 6, 16, 26, 27, 7, 17, 18, 28, 8, 9, 19, 29,
            -1, 31, 30,
        };

        private static readonly int[] Sha512Order =
        {
            0, 21, 42, 22, 43, 1, 44, 2, 23, 3, 24, 45, 25, 46, 4, 47, 5, 26, 6, 27, 48, 28, 49, 7, 50, 8, 29, 9, 30, 51,
            31, 52, 10, 53, 11, 32, 12, 33, 54, 34, 55, 13, 56, 14, 35, 15, 36, 57, 37, 58, 16, 59, 17, 38, 18, 39, 60,
            40, 61, 19, 62, 20, 41, -1, -1, 63,
        };

        public static bool Handles(string setting) =>
            setting.StartsWith(Sha256Prefix, StringComparison.Ordinal) || setting.StartsWith(Sha512Prefix, StringComparison.Ordinal);

        /// <summary>The full crypt string for <paramref name="setting"/> ("$5$[rounds=N$]salt" with anything after it).</summary>
        public static string Compute(byte[] password, string setting)
        {
            if (!Handles(setting)) throw new ArgumentException("Not a SHA-crypt setting.", nameof(setting));
            var prefix = setting.Substring(0, 3);
            var sha512 = prefix == Sha512Prefix;
            var rest = setting.Substring(3);

            var rounds = DefaultRounds;
            var customRounds = false;
            if (rest.StartsWith(RoundsPrefix, StringComparison.Ordinal))
            {
                var end = rest.IndexOf('$');
                if (end > RoundsPrefix.Length
                    && long.TryParse(rest.Substring(RoundsPrefix.Length, end - RoundsPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
                {
                    rounds = (int)Math.Max(MinRounds, Math.Min(requested, MaxRounds));
                    customRounds = true;
                    rest = rest.Substring(end + 1);
                }
            }

            var saltText = Md5Crypt.SaltOf(rest, 0, MaxSaltLength);
            var digest = Digest(password, Encoding.UTF8.GetBytes(saltText), rounds, sha512);

            var output = new StringBuilder(prefix);
            if (customRounds) output.Append(RoundsPrefix).Append(rounds.ToString(CultureInfo.InvariantCulture)).Append('$');
            output.Append(saltText).Append('$');
            CryptBase64.AppendShuffled(output, digest, sha512 ? Sha512Order : Sha256Order);
            return output.ToString();
        }

        private static byte[] Digest(byte[] password, byte[] salt, int rounds, bool sha512)
        {
            using var sha = new HashBuffer(sha512 ? SHA512.Create() : (HashAlgorithm)SHA256.Create());
            var size = sha.Size;

            var alternate = sha.Add(password).Add(salt).Add(password).Finish();
            sha.Add(password).Add(salt);
            var left = password.Length;
            for (; left > size; left -= size) sha.Add(alternate);
            sha.Add(alternate, left);
            for (var bits = password.Length; bits > 0; bits >>= 1) sha.Add((bits & 1) != 0 ? alternate : password);
            var digest = sha.Finish();

            for (var i = 0; i < password.Length; i++) sha.Add(password);
            var passwordSequence = Repeat(sha.Finish(), password.Length);

            for (var i = 0; i < 16 + digest[0]; i++) sha.Add(salt);
            var saltSequence = Repeat(sha.Finish(), salt.Length);

            for (var round = 0; round < rounds; round++)
            {
                sha.Add((round & 1) != 0 ? passwordSequence : digest);
                if (round % 3 != 0) sha.Add(saltSequence);
                if (round % 7 != 0) sha.Add(passwordSequence);
                sha.Add((round & 1) != 0 ? digest : passwordSequence);
                digest = sha.Finish();
            }
            return digest;
        }

        /// <summary><paramref name="length"/> bytes made of <paramref name="block"/> over and over.</summary>
        private static byte[] Repeat(byte[] block, int length)
        {
            var result = new byte[length];
            for (var i = 0; i < length; i++) result[i] = block[i % block.Length];
            return result;
        }
    }
}
