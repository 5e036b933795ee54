using System;
using System.Globalization;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// bcrypt (Provos and Mazieres' EksBlowfish) with the prefixes Linux crypt(3) accepts: $2b$/$2y$ (correct),
    /// $2a$ (correct, plus crypt_blowfish's counter-measure for keys the old sign-extension bug would not have
    /// changed) and $2x$ (that old bug, kept so such hashes still verify).
    /// </summary>
    internal static class Bcrypt
    {
        private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        private const int SaltBytes = 16;
        private const int SaltChars = 22;
        private const int SettingLength = 7 + SaltChars;
        private const int MinCost = 4;
        private const int MaxCost = 31;
        private static readonly byte[] MagicText = Encoding.ASCII.GetBytes("OrpheanBeholderScryDoubt");

        /// <summary>"$2a$NN$" + 22 salt characters (and anything after), with a cost of 4..31.</summary>
        public static bool Handles(string setting)
        {
            if (setting.Length < SettingLength || setting[0] != '$' || setting[1] != '2' || "abxy".IndexOf(setting[2]) < 0
                || setting[3] != '$' || setting[6] != '$') return false;
            if (!int.TryParse(setting.Substring(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost) || cost < MinCost || cost > MaxCost) return false;
            for (var i = 7; i < SettingLength; i++)
                if (Alphabet.IndexOf(setting[i]) < 0) return false;
            return true;
        }

        /// <summary>A "$2b$" setting for <paramref name="salt"/> (16 bytes) at <paramref name="cost"/> (2^cost rounds).</summary>
        public static string NewSetting(int cost, byte[] salt)
        {
            if (cost < MinCost || cost > MaxCost) throw new ArgumentOutOfRangeException(nameof(cost));
            var setting = new StringBuilder("$2b$").Append(cost.ToString("D2", CultureInfo.InvariantCulture)).Append('$');
            Encode(setting, salt, SaltBytes);
            return setting.ToString();
        }

        public static string Compute(byte[] password, string setting)
        {
            if (!Handles(setting)) throw new ArgumentException("Not a bcrypt setting.", nameof(setting));
            var variant = setting[2];
            var cost = int.Parse(setting.Substring(4, 2), CultureInfo.InvariantCulture);
            var salt = Decode(setting.Substring(7, SaltChars), SaltBytes);

            var state = new Blowfish();
            var saltWords = ToWords(salt);
            var key = KeyWords(password, variant, out var counterMeasure);

            state.XorP(key);
            state.P[0] ^= counterMeasure;
            state.Fill(saltWords);
            for (long round = 1L << cost; round > 0; round--)
            {
                state.XorP(key);
                state.Fill(null);
                state.XorP(saltWords);
                state.Fill(null);
            }

            var text = ToWords(MagicText);
            for (var block = 0; block < text.Length; block += 2)
                for (var i = 0; i < 64; i++) state.Encrypt(ref text[block], ref text[block + 1]);

            var digest = new byte[4 * text.Length];
            for (var i = 0; i < digest.Length; i++) digest[i] = (byte)(text[i / 4] >> (24 - 8 * (i % 4)));

            var output = new StringBuilder(setting, 0, 7, 60);
            Encode(output, salt, SaltBytes);
            Encode(output, digest, 23);
            return output.ToString();
        }

        /// <summary>
        /// 18 big-endian words from the key bytes and their terminating NUL, repeated. $2x$ reproduces the
        /// sign extension of bytes >= 0x80; for $2a$, <paramref name="counterMeasure"/> is the P[0] tweak that
        /// keeps keys the bug left unchanged from sharing a hash with their $2x$ twin.
        /// </summary>
        private static uint[] KeyWords(byte[] password, char variant, out uint counterMeasure)
        {
            var length = Array.IndexOf(password, (byte)0);
            if (length < 0) length = password.Length;
            var words = new uint[BlowfishConstants.PCount];
            uint anyDifference = 0, signBits = 0;
            var position = 0;
            for (var w = 0; w < words.Length; w++)
            {
                uint correct = 0, buggy = 0;
                for (var j = 0; j < 4; j++)
                {
                    var b = position < length ? password[position] : (byte)0;
                    correct = (correct << 8) | b;
                    buggy = (buggy << 8) | (b >= 0x80 ? 0xFFFFFF00u | b : b); // char was signed: the bug
                    if (j > 0) signBits |= buggy & 0x80;
                    position = position < length ? position + 1 : 0;
                }
                anyDifference |= correct ^ buggy;
                words[w] = variant == 'x' ? buggy : correct;
            }
            counterMeasure = variant == 'a' && anyDifference == 0 && signBits != 0 ? 0x10000u : 0;
            return words;
        }

        private static uint[] ToWords(byte[] bytes)
        {
            var words = new uint[bytes.Length / 4];
            for (var i = 0; i < words.Length; i++)
                words[i] = ((uint)bytes[4 * i] << 24) | ((uint)bytes[4 * i + 1] << 16) | ((uint)bytes[4 * i + 2] << 8) | bytes[4 * i + 3];
            return words;
        }

        /// <summary>bcrypt's base64: its own alphabet, most significant bits first, no padding.</summary>
        private static void Encode(StringBuilder output, byte[] data, int count)
        {
            for (var i = 0; i < count; i += 3)
            {
                var chunk = Math.Min(3, count - i);
                var value = data[i] << 16 | (chunk > 1 ? data[i + 1] << 8 : 0) | (chunk > 2 ? data[i + 2] : 0);
                for (var c = 0; c <= chunk; c++) output.Append(Alphabet[(value >> (18 - 6 * c)) & 0x3F]);
            }
        }

        private static byte[] Decode(string text, int count)
        {
            var bytes = new byte[count];
            var bits = 0;
            var buffer = 0;
            var filled = 0;
            foreach (var c in text)
            {
                buffer = (buffer << 6) | Alphabet.IndexOf(c);
                bits += 6;
                if (bits < 8) continue;
                bits -= 8;
                if (filled < count) bytes[filled++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
            return bytes;
        }

        /// <summary>Blowfish state that EksBlowfish keeps re-keying.</summary>
        private sealed class Blowfish
        {
            public readonly uint[] P = new uint[BlowfishConstants.PCount];
            private readonly uint[] _s = new uint[BlowfishConstants.SCount];

            public Blowfish()
            {
                Array.Copy(BlowfishConstants.PiWords, P, P.Length);
                Array.Copy(BlowfishConstants.PiWords, P.Length, _s, 0, _s.Length);
            }

            /// <summary>P ^= words, the words repeated as needed.</summary>
            public void XorP(uint[] words)
            {
                for (var i = 0; i < P.Length; i++) P[i] ^= words[i % words.Length];
            }

            /// <summary>Replaces P then S with a chain of encryptions, mixing in the salt words in turn when given.</summary>
            public void Fill(uint[]? salt)
            {
                uint left = 0, right = 0;
                var saltIndex = 0;
                FillTable(P, salt, ref left, ref right, ref saltIndex);
                FillTable(_s, salt, ref left, ref right, ref saltIndex);
            }

            private void FillTable(uint[] table, uint[]? salt, ref uint left, ref uint right, ref int saltIndex)
            {
                for (var i = 0; i < table.Length; i += 2)
                {
                    if (salt != null)
                    {
                        left ^= salt[saltIndex];
                        right ^= salt[saltIndex + 1];
                        saltIndex = (saltIndex + 2) & 3;
                    }
                    Encrypt(ref left, ref right);
                    table[i] = left;
                    table[i + 1] = right;
                }
            }

            public void Encrypt(ref uint left, ref uint right)
            {
                for (var round = 0; round < 16; round += 2)
                {
                    left ^= P[round];
                    right ^= F(left);
                    right ^= P[round + 1];
                    left ^= F(right);
                }
                var swap = left ^ P[16];
                left = right ^ P[17];
                right = swap;
            }

            private uint F(uint x) =>
                ((_s[x >> 24] + _s[256 + ((x >> 16) & 0xFF)]) ^ _s[512 + ((x >> 8) & 0xFF)]) + _s[768 + (x & 0xFF)];
        }
    }
}
