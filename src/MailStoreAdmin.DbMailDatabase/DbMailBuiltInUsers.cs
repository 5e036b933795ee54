using System;
using System.Collections.Generic;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>The accounts every dbmail install creates for itself; they are not people and never log in.</summary>
    public static class DbMailBuiltInUsers
    {
        public const string DeliveryUser = "__@!internal_delivery_user!@__";
        public const string Anyone = "anyone";
        public const string PublicFolderOwner = "__public__";

        public static IReadOnlyList<string> All { get; } = new[] { DeliveryUser, Anyone, PublicFolderOwner };

        /// <summary>Case-insensitive, like dbmail's login lookup, so "ANYONE" cannot slip through either.</summary>
        public static bool IsBuiltIn(string userName)
        {
            foreach (var name in All)
                if (string.Equals(name, userName, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
