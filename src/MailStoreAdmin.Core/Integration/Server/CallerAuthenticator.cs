using System;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// Checks the HTTP Basic credential of the caller (MailStore) in constant time: user name and password are
    /// compared as fixed-length SHA-256 hashes, always both, so neither the length nor the first wrong character
    /// leaks through timing. Only hashes of the configured credential are kept.
    /// </summary>
    internal sealed class CallerAuthenticator
    {
        public const string Challenge = "Basic realm=\"MailStore integration\", charset=\"UTF-8\"";

        private readonly bool _anonymous;
        private readonly byte[][] _userHashes;
        private readonly byte[][] _passwordHashes;

        public CallerAuthenticator(NetworkCredential? credential, bool allowAnonymous)
        {
            _anonymous = allowAnonymous;
            // UTF-8 is what RFC 7617 asks for; .NET Framework clients send Latin-1 for non-ASCII characters.
            _userHashes = HashesOf(credential?.UserName ?? string.Empty);
            _passwordHashes = HashesOf(credential?.Password ?? string.Empty);
        }

        /// <summary>Null when the caller may proceed, else why not (for the log; never containing the credential).</summary>
        public string? Check(string? authorization)
        {
            if (_anonymous) return null;
            if (authorization == null) return "no caller credentials";
            if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return "caller credentials are not HTTP Basic";
            byte[] decoded;
            try
            {
                decoded = Convert.FromBase64String(authorization.Substring(6).Trim());
            }
            catch (FormatException)
            {
                return "malformed caller credentials";
            }
            var colon = Array.IndexOf(decoded, (byte)':');
            if (colon < 0) return "malformed caller credentials";
            var userHash = Hash(decoded, 0, colon);
            var passwordHash = Hash(decoded, colon + 1, decoded.Length - colon - 1);
            Array.Clear(decoded, 0, decoded.Length);
            var userMatches = MatchesAny(userHash, _userHashes);
            var passwordMatches = MatchesAny(passwordHash, _passwordHashes);
            return userMatches & passwordMatches ? null : "wrong caller credentials";
        }

        private static byte[][] HashesOf(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            var latin1 = ToLatin1(value) ?? utf8;
            return new[] { Hash(utf8, 0, utf8.Length), Hash(latin1, 0, latin1.Length) };
        }

        // Null when not representable: a substitute character would make a weaker password.
        private static byte[]? ToLatin1(string value)
        {
            var bytes = new byte[value.Length];
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] > 0xff) return null;
                bytes[i] = (byte)value[i];
            }
            return bytes;
        }

        private static byte[] Hash(byte[] data, int offset, int count)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(data, offset, count);
        }

        private static bool MatchesAny(byte[] hash, byte[][] candidates)
        {
            var any = false;
            foreach (var candidate in candidates) any |= FixedTimeEquals(hash, candidate);
            return any;
        }

        // netstandard2.0 has no CryptographicOperations.FixedTimeEquals; same idea: no early exit.
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        private static bool FixedTimeEquals(byte[] left, byte[] right)
        {
            var difference = left.Length ^ right.Length;
            for (var i = 0; i < left.Length && i < right.Length; i++) difference |= left[i] ^ right[i];
            return difference == 0;
        }
    }
}
