using System;
using System.Security.Cryptography;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Feeds pieces into one reusable BCL hash, as the crypt(3) algorithms do many thousand times per check.</summary>
    internal sealed class HashBuffer : IDisposable
    {
        private static readonly byte[] Empty = new byte[0];
        private readonly HashAlgorithm _hash;

        public HashBuffer(HashAlgorithm hash) => _hash = hash;

        public int Size => _hash.HashSize / 8;

        public HashBuffer Add(byte[] data) => Add(data, data.Length);

        public HashBuffer Add(byte[] data, int count)
        {
            if (count > 0) _hash.TransformBlock(data, 0, count, null, 0);
            return this;
        }

        /// <summary>The digest of everything added since the last Finish; the buffer starts over afterwards.</summary>
        public byte[] Finish()
        {
            _hash.TransformFinalBlock(Empty, 0, 0);
            var digest = _hash.Hash!;
            _hash.Initialize();
            return digest;
        }

        public void Dispose() => _hash.Dispose();
    }
}
