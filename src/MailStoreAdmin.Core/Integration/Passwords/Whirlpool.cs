using System;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// Whirlpool (Barreto and Rijmen, final 2003 version as in ISO/IEC 10118-3), written from the specification:
    /// a Miyaguchi-Preneel hash over the 512-bit block cipher W. Tables are derived at start-up from the
    /// specification's mini-boxes rather than pasted in.
    /// </summary>
    internal static class Whirlpool
    {
        public const int DigestSize = 64;
        private const int Rounds = 10;
        private const int ReductionPolynomial = 0x11D;
        private static readonly byte[] SBox = BuildSBox();
        private static readonly byte[] CirculantRow = { 1, 1, 4, 1, 8, 5, 2, 9 };
        private static readonly byte[,] Multiply = BuildMultiplicationTable();

        public static byte[] Hash(byte[] message)
        {
            var state = new byte[64];
            var padded = Pad(message);
            var block = new byte[64];
            for (var offset = 0; offset < padded.Length; offset += 64)
            {
                Buffer.BlockCopy(padded, offset, block, 0, 64);
                var encrypted = Encrypt(state, block);
                for (var i = 0; i < 64; i++) state[i] ^= (byte)(encrypted[i] ^ block[i]);
            }
            return state;
        }

        /// <summary>A 1 bit, zeros up to 256 mod 512 bits, then the bit length as a 256-bit big-endian number.</summary>
        private static byte[] Pad(byte[] message)
        {
            var length = message.Length + 1 + 32;
            length = (length + 63) / 64 * 64;
            var padded = new byte[length];
            Buffer.BlockCopy(message, 0, padded, 0, message.Length);
            padded[message.Length] = 0x80;
            var bits = (ulong)message.Length * 8;
            for (var i = 0; i < 8; i++) padded[length - 1 - i] = (byte)(bits >> (8 * i));
            return padded;
        }

        /// <summary>W[key](plain): the key evolves by the same round function under the round constants.</summary>
        private static byte[] Encrypt(byte[] key, byte[] plain)
        {
            var roundKey = (byte[])key.Clone();
            var state = new byte[64];
            for (var i = 0; i < 64; i++) state[i] = (byte)(plain[i] ^ roundKey[i]);
            var constant = new byte[64];
            for (var round = 1; round <= Rounds; round++)
            {
                Buffer.BlockCopy(SBox, 8 * (round - 1), constant, 0, 8);
                roundKey = Round(roundKey, constant);
                state = Round(state, roundKey);
            }
            return state;
        }

        /// <summary>
        /// One round on the 8x8 byte matrix (byte 8*row+column): S-box, column j rotated down by j, multiplication
        /// by the circulant matrix, then the key added.
        /// </summary>
        private static byte[] Round(byte[] input, byte[] key)
        {
            var shifted = new byte[64];
            for (var row = 0; row < 8; row++)
                for (var column = 0; column < 8; column++)
                    shifted[8 * row + column] = SBox[input[8 * ((row - column + 8) & 7) + column]];

            var output = new byte[64];
            for (var row = 0; row < 8; row++)
                for (var column = 0; column < 8; column++)
                {
                    var sum = key[8 * row + column];
                    for (var k = 0; k < 8; k++) sum ^= Multiply[shifted[8 * row + k], CirculantRow[(column - k + 8) & 7]];
                    output[8 * row + column] = sum;
                }
            return output;
        }

        /// <summary>The specification's S-box: two 4-bit mini-boxes E and R arranged as a small SPN.</summary>
        private static byte[] BuildSBox()
        {
            byte[] e = { 0x1, 0xB, 0x9, 0xC, 0xD, 0x6, 0xF, 0x3, 0xE, 0x8, 0x7, 0x4, 0xA, 0x2, 0x5, 0x0 };
            byte[] r = { 0x7, 0xC, 0xB, 0xD, 0xE, 0x4, 0x9, 0xF, 0x6, 0x3, 0x8, 0xA, 0x2, 0x5, 0x1, 0x0 };
            var eInverse = new byte[16];
            for (var i = 0; i < 16; i++) eInverse[e[i]] = (byte)i;

            var box = new byte[256];
            for (var u = 0; u < 256; u++)
            {
                var high = e[u >> 4];
                var low = eInverse[u & 0xF];
                var mix = r[high ^ low];
                box[u] = (byte)((e[high ^ mix] << 4) | eInverse[low ^ mix]);
            }
            return box;
        }

        /// <summary>Products a*c in GF(2^8) mod x^8+x^4+x^3+x^2+1, only for the few constants c of the circulant matrix.</summary>
        private static byte[,] BuildMultiplicationTable()
        {
            var table = new byte[256, 10];
            for (var a = 0; a < 256; a++)
                foreach (var c in CirculantRow)
                {
                    int product = 0, shifted = a;
                    for (var bit = 0; bit < 4; bit++)
                    {
                        if (((c >> bit) & 1) != 0) product ^= shifted;
                        shifted <<= 1;
                        if ((shifted & 0x100) != 0) shifted ^= ReductionPolynomial;
                    }
                    table[a, c] = (byte)product;
                }
            return table;
        }
    }
}
