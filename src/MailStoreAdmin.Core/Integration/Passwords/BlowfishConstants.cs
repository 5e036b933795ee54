using System.Numerics;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// Blowfish's initial P-array and S-boxes are, by definition, the hexadecimal digits of pi after the point
    /// (P first, then S0..S3). Computing them once with Machin's formula replaces 4 KB of pasted constants.
    /// </summary>
    internal static class BlowfishConstants
    {
        public const int PCount = 18;
        public const int SCount = 4 * 256;
        private const int Words = PCount + SCount;
        private const int GuardBits = 64;

        /// <summary>P[0..17] followed by S0..S3 (256 words each), as 32-bit words.</summary>
        public static readonly uint[] PiWords = ComputePiWords();

        private static uint[] ComputePiWords()
        {
            var bits = Words * 32 + GuardBits;
            var one = BigInteger.One << bits;
            var pi = 16 * ArcTangentOfInverse(5, one) - 4 * ArcTangentOfInverse(239, one);
            var fraction = (pi - 3 * one) >> GuardBits;

            var words = new uint[Words];
            var mask = new BigInteger(uint.MaxValue);
            for (var i = 0; i < Words; i++) words[i] = (uint)((fraction >> (32 * (Words - 1 - i))) & mask);
            return words;
        }

        /// <summary>atan(1/x) scaled by <paramref name="one"/>: the alternating series 1/x - 1/(3x^3) + 1/(5x^5) ...</summary>
        private static BigInteger ArcTangentOfInverse(int x, BigInteger one)
        {
            var power = one / x;
            var sum = power;
            var square = x * x;
            for (var n = 3; !power.IsZero; n += 2)
            {
                power /= square;
                var term = power / n;
                sum = (n & 2) != 0 ? sum - term : sum + term;
            }
            return sum;
        }
    }
}
