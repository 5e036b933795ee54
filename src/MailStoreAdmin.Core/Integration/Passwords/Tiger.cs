using System;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// Tiger/192 (Anderson and Biham), written from the paper, with the original 0x01 padding and the digest in the
    /// reference byte order (each state word little-endian) - NESSIE's vectors, libgcrypt's TIGER1, dbmail's tiger.
    /// The S-boxes come from the paper's own generation procedure instead of an 8 KB pasted table.
    /// </summary>
    internal static class Tiger
    {
        public const int DigestSize = 24;
        private const string SBoxSeed = "Tiger - A Fast New Hash Function, by Ross Anderson and Eli Biham";
        private const int SBoxPasses = 5;
        private static readonly ulong[] InitialState = { 0x0123456789ABCDEFUL, 0xFEDCBA9876543210UL, 0xF096A5B4C3B2E187UL };
        private static readonly ulong[] Table = BuildSBoxes();

        public static byte[] Hash(byte[] message)
        {
            var state = (ulong[])InitialState.Clone();
            var padded = Pad(message);
            var words = new ulong[8];
            for (var offset = 0; offset < padded.Length; offset += 64)
            {
                for (var w = 0; w < 8; w++) words[w] = BitConverterLittleEndian(padded, offset + 8 * w);
                Compress(words, state, Table);
            }

            var digest = new byte[DigestSize];
            for (var w = 0; w < 3; w++)
                for (var b = 0; b < 8; b++) digest[8 * w + b] = (byte)(state[w] >> (8 * b));
            return digest;
        }

        /// <summary>0x01, zeros up to 56 mod 64 bytes, then the bit length little-endian.</summary>
        private static byte[] Pad(byte[] message)
        {
            var length = (message.Length + 1 + 8 + 63) / 64 * 64;
            var padded = new byte[length];
            Buffer.BlockCopy(message, 0, padded, 0, message.Length);
            padded[message.Length] = 0x01;
            var bits = (ulong)message.Length * 8;
            for (var i = 0; i < 8; i++) padded[length - 8 + i] = (byte)(bits >> (8 * i));
            return padded;
        }

        private static ulong BitConverterLittleEndian(byte[] data, int offset)
        {
            ulong value = 0;
            for (var i = 7; i >= 0; i--) value = (value << 8) | data[offset + i];
            return value;
        }

        private static void Compress(ulong[] block, ulong[] state, ulong[] table)
        {
            var x = (ulong[])block.Clone();
            ulong a = state[0], b = state[1], c = state[2];
            Pass(ref a, ref b, ref c, x, 5, table);
            Schedule(x);
            Pass(ref c, ref a, ref b, x, 7, table);
            Schedule(x);
            Pass(ref b, ref c, ref a, x, 9, table);
            state[0] ^= a;
            state[1] = b - state[1];
            state[2] += c;
        }

        private static void Pass(ref ulong a, ref ulong b, ref ulong c, ulong[] x, ulong multiplier, ulong[] table)
        {
            Round(ref a, ref b, ref c, x[0], multiplier, table);
            Round(ref b, ref c, ref a, x[1], multiplier, table);
            Round(ref c, ref a, ref b, x[2], multiplier, table);
            Round(ref a, ref b, ref c, x[3], multiplier, table);
            Round(ref b, ref c, ref a, x[4], multiplier, table);
            Round(ref c, ref a, ref b, x[5], multiplier, table);
            Round(ref a, ref b, ref c, x[6], multiplier, table);
            Round(ref b, ref c, ref a, x[7], multiplier, table);
        }

        private static void Round(ref ulong a, ref ulong b, ref ulong c, ulong word, ulong multiplier, ulong[] t)
        {
            c ^= word;
            a -= t[Byte(c, 0)] ^ t[256 + Byte(c, 2)] ^ t[512 + Byte(c, 4)] ^ t[768 + Byte(c, 6)];
            b += t[768 + Byte(c, 1)] ^ t[512 + Byte(c, 3)] ^ t[256 + Byte(c, 5)] ^ t[Byte(c, 7)];
            b *= multiplier;
        }

        private static int Byte(ulong value, int index) => (int)((value >> (8 * index)) & 0xFF);

        private static void Schedule(ulong[] x)
        {
            x[0] -= x[7] ^ 0xA5A5A5A5A5A5A5A5UL;
            x[1] ^= x[0];
            x[2] += x[1];
            x[3] -= x[2] ^ (~x[1] << 19);
            x[4] ^= x[3];
            x[5] += x[4];
            x[6] -= x[5] ^ (~x[4] >> 23);
            x[7] ^= x[6];
            x[0] += x[7];
            x[1] -= x[0] ^ (~x[7] << 19);
            x[2] ^= x[1];
            x[3] += x[2];
            x[4] -= x[3] ^ (~x[2] >> 23);
            x[5] ^= x[4];
            x[6] += x[5];
            x[7] -= x[6] ^ 0x0123456789ABCDEFUL;
        }

        /// <summary>
        /// The paper's generator: start from identity columns, then swap bytes within each column as directed by
        /// the state of Tiger compressing the seed string with the tables built so far.
        /// </summary>
        private static ulong[] BuildSBoxes()
        {
            var table = new ulong[1024];
            for (var entry = 0; entry < 1024; entry++) table[entry] = 0x0101010101010101UL * (byte)entry;

            var seed = Encoding.ASCII.GetBytes(SBoxSeed);
            var seedWords = new ulong[8];
            for (var w = 0; w < 8; w++) seedWords[w] = BitConverterLittleEndian(seed, 8 * w);

            var state = (ulong[])InitialState.Clone();
            var which = 2;
            for (var pass = 0; pass < SBoxPasses; pass++)
                for (var i = 0; i < 256; i++)
                    for (var box = 0; box < 1024; box += 256)
                    {
                        if (++which == 3)
                        {
                            which = 0;
                            Compress(seedWords, state, table);
                        }
                        for (var column = 0; column < 8; column++)
                            SwapByte(table, box + i, box + Byte(state[which], column), column);
                    }
            return table;
        }

        private static void SwapByte(ulong[] table, int first, int second, int column)
        {
            var shift = 8 * column;
            var mask = 0xFFUL << shift;
            var a = table[first] & mask;
            var b = table[second] & mask;
            table[first] = (table[first] & ~mask) | b;
            table[second] = (table[second] & ~mask) | a;
        }
    }
}
