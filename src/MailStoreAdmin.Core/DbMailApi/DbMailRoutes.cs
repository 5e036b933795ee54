using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.DbMailApi
{
    /// <summary>The thirteen dbmail-api routes (POST /&lt;route&gt;, form fields, secKey in the body).</summary>
    public static class DbMailRoutes
    {
        public const string IsUserPresent = "isUserPresent";
        public const string CreateUser = "createUser";
        public const string ChangePassword = "changePassword";
        public const string DeleteUser = "deleteUser";
        public const string TruncateUser = "truncateUser";
        public const string GetUnreadCount = "getUnreadCount";
        public const string CreateRule = "createRule";
        public const string DeleteRule = "deleteRule";
        public const string GetRules = "getRules";
        public const string AddGetMailRule = "addGetMailRule";
        public const string EditGetMailRule = "editGetMailRule";
        public const string RemoveGetMailRule = "removeGetMailRule";
        public const string ListGetMailRules = "listGetMailRules";

        private static readonly HashSet<string> ReadOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            IsUserPresent, GetUnreadCount, GetRules, ListGetMailRules,
        };

        /// <summary>Reads only: safe to retry after a network failure.</summary>
        public static bool IsReadOnly(string route) => ReadOnly.Contains(route);
    }
}
