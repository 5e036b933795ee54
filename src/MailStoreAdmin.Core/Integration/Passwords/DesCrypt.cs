using System;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// Traditional Unix crypt(3): DES keyed by the first 8 password bytes encrypts a zero block 25 times, with the
    /// 12-bit salt swapping pairs of expansion bits. What `dbmail-users -p crypt` writes (13 characters).
    /// </summary>
    internal static class DesCrypt
    {
        public const int Length = 13;
        private const int Iterations = 25;
        private static readonly byte[] FinalPermutation = Invert(DesTables.InitialPermutation);

        /// <summary>A 13-character string of the crypt alphabet, which is what the DES branch of crypt(3) accepts.</summary>
        public static bool Handles(string stored)
        {
            if (stored.Length != Length) return false;
            foreach (var c in stored)
                if (!CryptBase64.IsAlphabetChar(c)) return false;
            return true;
        }

        /// <summary>The 13-character crypt string; <paramref name="setting"/> supplies the two salt characters.</summary>
        public static string Compute(byte[] password, string setting)
        {
            if (setting.Length < 2 || !CryptBase64.IsAlphabetChar(setting[0]) || !CryptBase64.IsAlphabetChar(setting[1]))
                throw new ArgumentException("A DES crypt salt is two characters of the crypt alphabet.", nameof(setting));

            var expansion = SaltedExpansion(CryptBase64.ValueOf(setting[0]) | (CryptBase64.ValueOf(setting[1]) << 6));
            var subkeys = Subkeys(KeyFrom(password));
            ulong block = 0;
            for (var i = 0; i < Iterations; i++) block = Encrypt(block, subkeys, expansion);

            var output = new StringBuilder(Length).Append(setting, 0, 2);
            for (var shift = 58; shift > -6; shift -= 6)
                output.Append(CryptBase64.Alphabet[(int)((shift >= 0 ? block >> shift : block << -shift) & 0x3F)]);
            return output.ToString();
        }

        /// <summary>Seven bits of each of the first eight bytes (up to a NUL, as C strings end), parity bit left zero.</summary>
        private static ulong KeyFrom(byte[] password)
        {
            ulong key = 0;
            for (var i = 0; i < 8; i++)
            {
                var b = i < password.Length ? password[i] : (byte)0;
                if (b == 0) { key <<= 8 * (8 - i); break; }
                key = (key << 8) | (byte)(b << 1);
            }
            return key;
        }

        /// <summary>Salt bit k (k = 0..11) swaps expansion outputs k and k + 24.</summary>
        private static byte[] SaltedExpansion(int salt)
        {
            var table = (byte[])DesTables.Expansion.Clone();
            for (var k = 0; k < 12; k++)
            {
                if (((salt >> k) & 1) == 0) continue;
                var swap = table[k];
                table[k] = table[k + 24];
                table[k + 24] = swap;
            }
            return table;
        }

        private static ulong[] Subkeys(ulong key)
        {
            var halves = Permute(key, 64, DesTables.KeyChoice1);
            var c = (halves >> 28) & 0xFFFFFFF;
            var d = halves & 0xFFFFFFF;
            var subkeys = new ulong[16];
            for (var round = 0; round < 16; round++)
            {
                int shift = DesTables.KeyShifts[round];
                c = ((c << shift) | (c >> (28 - shift))) & 0xFFFFFFF;
                d = ((d << shift) | (d >> (28 - shift))) & 0xFFFFFFF;
                subkeys[round] = Permute((c << 28) | d, 56, DesTables.KeyChoice2);
            }
            return subkeys;
        }

        private static ulong Encrypt(ulong block, ulong[] subkeys, byte[] expansion)
        {
            var permuted = Permute(block, 64, DesTables.InitialPermutation);
            var left = permuted >> 32;
            var right = permuted & 0xFFFFFFFF;
            foreach (var subkey in subkeys)
            {
                var next = left ^ Feistel(right, subkey, expansion);
                left = right;
                right = next;
            }
            return Permute((right << 32) | left, 64, FinalPermutation);
        }

        private static ulong Feistel(ulong half, ulong subkey, byte[] expansion)
        {
            var mixed = Permute(half, 32, expansion) ^ subkey;
            ulong substituted = 0;
            for (var box = 0; box < 8; box++)
            {
                var six = (int)((mixed >> (42 - 6 * box)) & 0x3F);
                var row = ((six >> 4) & 2) | (six & 1);
                var column = (six >> 1) & 0xF;
                substituted = (substituted << 4) | DesTables.SBoxes[box][row * 16 + column];
            }
            return Permute(substituted, 32, DesTables.RoundPermutation);
        }

        /// <summary>Output bit i (from the most significant) is input bit table[i] of a <paramref name="width"/>-bit value.</summary>
        private static ulong Permute(ulong input, int width, byte[] table)
        {
            ulong output = 0;
            foreach (var position in table) output = (output << 1) | ((input >> (width - position)) & 1);
            return output;
        }

        private static byte[] Invert(byte[] permutation)
        {
            var inverse = new byte[permutation.Length];
            for (var i = 0; i < permutation.Length; i++) inverse[permutation[i] - 1] = (byte)(i + 1);
            return inverse;
        }
    }
}
