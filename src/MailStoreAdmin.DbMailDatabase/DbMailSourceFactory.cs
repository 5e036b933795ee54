using MailStoreAdmin.Core.Integration.Sources;
using System;
using System.Collections.Generic;
using System.Globalization;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.DbMailDatabase.Dialects;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>
    /// The module's way in: DbMailDatabaseSourceLoader loads this assembly in its own load context and finds this
    /// class through <see cref="IDbMailDatabaseSourceFactory"/> (MailStoreAdmin.Core is shared by both sides).
    /// </summary>
    public sealed class DbMailSourceFactory : IDbMailDatabaseSourceFactory
    {
        public IDirectoryUserSource Create(DbMailDatabaseOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            return new DbMailUserSource(options, DialectNamed(options.Database ?? DbMailDatabaseOptions.PostgreSql));
        }

        private static IDbMailDialect DialectNamed(string name)
        {
            switch (name.Trim().ToLowerInvariant())
            {
                case "postgresql":
                case "postgres":
                case "pgsql":
                    return PostgreSqlDialect.Instance;
                default:
                    throw Invalid("DbMailDatabaseUnsupported",
                        $"dbmail on '{name}' is not supported yet; supported: PostgreSQL.");
            }
        }

        private static MailStoreAdminException Invalid(string errorId, string message) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message);
    }
}
