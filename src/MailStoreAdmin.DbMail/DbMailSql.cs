using System.Linq;
using MailStoreAdmin.DbMail.Dialects;

namespace MailStoreAdmin.DbMail
{
    /// <summary>
    /// The SQL the source runs. The table prefix was validated ([A-Za-z0-9_]) before it gets here; every value
    /// that comes from outside is a parameter.
    /// </summary>
    internal sealed class DbMailSql
    {
        public const string UserNameParameter = "@userName";

        private readonly string _users;
        private readonly string _aliases;
        private readonly IDbMailDialect _dialect;

        public DbMailSql(IDbMailDialect dialect, string tablePrefix)
        {
            DbMailSourceOptions.ValidateTablePrefix(tablePrefix);
            _dialect = dialect;
            _users = tablePrefix + "users";
            _aliases = tablePrefix + "aliases";
        }

        public string UsersTable => _users;

        /// <summary>Returns no rows; only its column names are read.</summary>
        public string ProbeUserColumns => $"SELECT * FROM {_users} WHERE 1 = 0";

        public static string BuiltInParameter(int index) => "@builtIn" + index;

        /// <summary>
        /// Every listed user with each of its addresses, one row per (user, address), ordered by user_idnr so the
        /// reader can group consecutive rows. Addresses as dbmail's auth_get_user_aliases finds them: aliases that
        /// deliver to the user's id, plus aliases that deliver to one of those aliases (one level only). UNION ALL
        /// because duplicates are removed case-insensitively in memory anyway.
        /// </summary>
        public string ListUsersWithAddresses(DbMailSchema schema, bool includeInactive)
        {
            var builtIns = string.Join(", ", Enumerable.Range(0, DbMailBuiltInUsers.All.Count).Select(BuiltInParameter));
            var activeFilter = schema.HasActive && !includeInactive ? " AND u.active <> 0" : string.Empty;
            return
                $"SELECT u.user_idnr, u.userid, x.alias FROM {_users} u " +
                "LEFT JOIN (" +
                    $"SELECT a1.deliver_to AS owner, a1.alias AS alias FROM {_aliases} a1 " +
                    "UNION ALL " +
                    $"SELECT a1.deliver_to AS owner, a2.alias AS alias FROM {_aliases} a1 " +
                    $"JOIN {_aliases} a2 ON a2.deliver_to = a1.alias" +
                $") x ON x.owner = {_dialect.IntegerAsText("u.user_idnr")} " +
                $"WHERE u.userid NOT IN ({builtIns}){activeFilter} " +
                "ORDER BY u.user_idnr";
        }

        /// <summary>
        /// The account a login name means, found case-insensitively like dbmail's db_user_exists. If two accounts
        /// differ only in case, the exact spelling wins, then the older account (dbmail takes whichever comes first).
        /// Deliberately never selects spasswd: the duress password must not be able to log in here.
        /// </summary>
        public string FindLogin(DbMailSchema schema)
        {
            var active = schema.HasActive ? "active" : "1";
            return
                $"SELECT passwd, encryption_type, {active} AS active FROM {_users} " +
                $"WHERE lower(userid) = lower({UserNameParameter}) " +
                $"ORDER BY CASE WHEN userid = {UserNameParameter} THEN 0 ELSE 1 END, user_idnr";
        }
    }
}
