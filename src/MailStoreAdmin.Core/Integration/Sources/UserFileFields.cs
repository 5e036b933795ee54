using System;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>The column (CSV) and property (JSON) names of a user file; matched case-insensitively.</summary>
    internal static class UserFileFields
    {
        public const string UserName = "userName";
        public const string FullName = "fullName";
        public const string DistinguishedName = "distinguishedName";
        public const string EmailAddresses = "emailAddresses";
        public const string PasswordHash = "passwordHash";
        public const string PasswordScheme = "passwordScheme";
        public const string Active = "active";

        private static readonly string[] All = { UserName, FullName, DistinguishedName, EmailAddresses, PasswordHash, PasswordScheme, Active };

        public static string KnownList => string.Join(", ", All);

        /// <summary>The canonical spelling of <paramref name="name"/>, or null when it is not a user file field.</summary>
        public static string? Canonical(string name)
        {
            foreach (var field in All)
                if (string.Equals(field, name.Trim(), StringComparison.OrdinalIgnoreCase)) return field;
            return null;
        }
    }
}
