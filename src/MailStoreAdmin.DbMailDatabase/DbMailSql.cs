using MailStoreAdmin.Core.Integration.Sources;
using System.Linq;

namespace MailStoreAdmin.DbMailDatabase
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
        public DbMailSql(string tablePrefix)
        {
            DbMailDatabaseOptions.ValidateTablePrefix(tablePrefix);
            _users = tablePrefix + "users";
            _aliases = tablePrefix + "aliases";
        }

        public string UsersTable => _users;

        /// <summary>Returns no rows; only its column names are read.</summary>
        public string ProbeUserColumns => $"SELECT * FROM {_users} WHERE 1 = 0";

        public static string BuiltInParameter(int index) => "@builtIn" + index;

        /// <summary>The accounts to list: everyone but dbmail's built-ins and (unless asked) the inactive ones.</summary>
        public string ListUsers(DbMailSchema schema, bool includeInactive)
        {
            var builtIns = string.Join(", ", Enumerable.Range(0, DbMailBuiltInUsers.All.Count).Select(BuiltInParameter));
            var activeFilter = schema.HasActive && !includeInactive ? " AND active <> 0" : string.Empty;
            return $"SELECT user_idnr, userid FROM {_users} WHERE userid NOT IN ({builtIns}){activeFilter}";
        }

        /// <summary>
        /// (deliver_to, alias) pairs as dbmail's auth_get_user_aliases sees them: every alias with its target, plus
        /// every alias of an alias with the target of the alias it points to (one level only). The caller keeps the
        /// rows whose target is a listed user's id. Deliberately not joined to the users table in SQL: joining on
        /// the id-as-text expression makes PostgreSQL's estimates explode (sort spills, JIT), while two plain scans
        /// and a dictionary lookup in memory stay linear.
        /// </summary>
        public string ListAliasTargets =>
            $"SELECT deliver_to, alias FROM {_aliases} " +
            "UNION ALL " +
            $"SELECT a1.deliver_to, a2.alias FROM {_aliases} a1 JOIN {_aliases} a2 ON a2.deliver_to = a1.alias";

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
