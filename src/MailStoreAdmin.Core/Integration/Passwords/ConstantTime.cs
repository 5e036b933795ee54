using System;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// Comparisons whose duration does not depend on where two secrets first differ (netstandard2.0 has no
    /// CryptographicOperations). Lengths are not secret: hash lengths are public.
    /// </summary>
    internal static class ConstantTime
    {
        public static bool Equals(string a, string b)
        {
            if (a.Length != b.Length) return false;
            var diff = 0;
            for (var i = 0; i < a.Length; i++) diff |= a[i] ^ b[i];
            return diff == 0;
        }

        /// <summary>What C's strncmp(a, b, n) == 0 means: the first n characters agree, and so does where either string ends.</summary>
        public static bool PrefixEquals(string a, string b, int n) =>
            Equals(a.Length > n ? a.Substring(0, n) : a, b.Length > n ? b.Substring(0, n) : b);
    }
}
