using System;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>
    /// crypt(3) as dbmail's "crypt" type uses it: the stored string is the setting, its prefix picks the algorithm.
    /// Schemes the host's libxcrypt may know but we do not (yescrypt "$y$", gost-yescrypt, scrypt, NT hash...)
    /// are reported as unsupported instead of silently never matching.
    /// </summary>
    internal static class UnixCrypt
    {
        public static bool IsSupported(string stored) => Algorithm(stored) != null;

        /// <summary>crypt(password, stored), or null when the stored setting names an algorithm we do not implement.</summary>
        public static string? Compute(byte[] password, string stored) => Algorithm(stored)?.Invoke(password, stored);

        private static Func<byte[], string, string>? Algorithm(string stored)
        {
            if (stored.StartsWith(Md5Crypt.Prefix, StringComparison.Ordinal)) return Md5Crypt.Compute;
            if (ShaCrypt.Handles(stored)) return ShaCrypt.Compute;
            if (DesCrypt.Handles(stored)) return DesCrypt.Compute;
            return null;
        }
    }
}
