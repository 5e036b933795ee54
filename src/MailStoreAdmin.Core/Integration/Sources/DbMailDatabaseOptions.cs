using System;
using MailStoreAdmin.Core.Errors;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>
    /// How to reach a dbmail database and how to present its users: the typed seam between the module and the
    /// dbmail database source (MailStoreAdmin.DbMailDatabase, loaded in a load context of its own), which
    /// implements <see cref="IDbMailDatabaseSourceFactory"/>. Both sides share this assembly, so this type is the
    /// same on both.
    /// </summary>
    public sealed class DbMailDatabaseOptions
    {
        public const string DefaultTablePrefix = "dbmail_";
        public const string PostgreSql = "PostgreSQL";

        /// <summary>The database product; only PostgreSQL for now.</summary>
        public string Database { get; set; } = PostgreSql;

        /// <summary>ADO.NET connection string of the dialect's driver (for PostgreSQL: Npgsql syntax).</summary>
        public string ConnectionString { get; set; } = string.Empty;

        /// <summary>dbmail.conf <c>table_prefix</c>. Spliced into SQL, so only letters, digits and '_' are allowed.</summary>
        public string TablePrefix { get; set; } = DefaultTablePrefix;

        /// <summary>Also list the login name as an address when it looks like one (contains '@').</summary>
        public bool IncludeUserIdAsAddress { get; set; } = true;

        public DbMailInactiveUsers InactiveUsers { get; set; } = DbMailInactiveUsers.Omit;

        /// <summary>Limit for each SQL command (listing 50,000 users takes well under a second).</summary>
        public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Receives operational warnings, such as a login refused because its password scheme cannot be checked
        /// here (yescrypt, an unknown encryption_type). Never given passwords or hashes. Called concurrently.
        /// </summary>
        public Action<string>? Warning { get; set; }

        /// <summary>Throws MailStoreAdminException (InvalidArgument) for the first invalid setting.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
                throw Invalid("DbMailConnectionStringMissing", "A dbmail source needs a database connection string.");
            ValidateTablePrefix(TablePrefix);
            if (CommandTimeout <= TimeSpan.Zero || CommandTimeout.TotalSeconds > int.MaxValue)
                throw Invalid("DbMailCommandTimeoutInvalid",
                    $"The command timeout must be a positive number of seconds (got {CommandTimeout.TotalSeconds}).");
            if (!Enum.IsDefined(typeof(DbMailInactiveUsers), InactiveUsers))
                throw Invalid("DbMailInactiveUsersInvalid", $"Unknown setting for inactive users: {InactiveUsers}.");
        }

        /// <summary>Empty is allowed (dbmail permits an empty prefix); anything outside [A-Za-z0-9_] is not.</summary>
        public static void ValidateTablePrefix(string? prefix)
        {
            if (prefix == null)
                throw Invalid("DbMailTablePrefixInvalid", "The table prefix must not be null (use \"\" for no prefix).");
            if (prefix.Length > 40)
                throw Invalid("DbMailTablePrefixInvalid", "The table prefix is longer than 40 characters.");
            foreach (var c in prefix)
            {
                var allowed = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (!allowed)
                    throw Invalid("DbMailTablePrefixInvalid",
                        $"The table prefix '{prefix}' may contain only letters, digits and '_' (it becomes part of SQL table names).");
            }
        }

        private static MailStoreAdminException Invalid(string errorId, string message) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message);
    }
}
