using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>crypt(3)'s base64 ("./0-9A-Za-z", least significant six bits first), shared by DES, MD5 and SHA crypt.</summary>
    internal static class CryptBase64
    {
        public const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        /// <summary>The 0..63 value of a salt character, or -1 when it is not in the alphabet.</summary>
        public static int ValueOf(char c) => Alphabet.IndexOf(c);

        public static bool IsAlphabetChar(char c) => ValueOf(c) >= 0;

        /// <summary>
        /// Appends digest bytes in the algorithm's shuffled order: <paramref name="order"/> holds groups of three
        /// byte indices (most significant first, -1 = a zero byte); a group with k real bytes yields k+1 characters.
        /// </summary>
        public static void AppendShuffled(StringBuilder output, byte[] digest, int[] order)
        {
            for (var g = 0; g < order.Length; g += 3)
            {
                var value = 0;
                var bytes = 0;
                for (var k = 0; k < 3; k++)
                {
                    value <<= 8;
                    if (order[g + k] < 0) continue;
                    value |= digest[order[g + k]];
                    bytes++;
                }
                for (var c = 0; c <= bytes; c++)
                {
                    output.Append(Alphabet[value & 0x3F]);
                    value >>= 6;
                }
            }
        }
    }
}
