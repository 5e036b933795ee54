using System;

namespace MailStoreAdmin.Core.Integration.Passwords
{
    /// <summary>Checks a password exactly as dbmail's db_user_validate does, for every encryption_type dbmail knows.</summary>
    public static class DbMailPassword
    {
        /// <summary>
        /// True when <paramref name="password"/> matches <paramref name="storedPassword"/> under dbmail's
        /// <paramref name="encryptionType"/> (compared case-insensitively; '' = plaintext). Unknown types never match.
        /// </summary>
        public static bool Verify(string? encryptionType, string? storedPassword, string password)
        {
            throw new NotImplementedException("Being written on branch helper-passwords.");
        }
    }
}
