using System;
using System.Collections.Generic;
using System.Globalization;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.DbMail.Dialects;

namespace MailStoreAdmin.DbMail
{
    /// <summary>
    /// Entry point for callers that load this assembly by reflection (the module runs on netstandard2.0 and loads
    /// this net8.0 assembly in its own load context), so the signature uses only BCL types.
    /// </summary>
    public static class DbMailSourceFactory
    {
        public const string DatabaseKey = "Database";
        public const string TablePrefixKey = "TablePrefix";
        public const string IncludeUserIdAsAddressKey = "IncludeUserIdAsAddress";
        public const string InactiveUsersKey = "InactiveUsers";
        public const string CommandTimeoutSecondsKey = "CommandTimeoutSeconds";
        public const string WarningKey = "Warning";

        /// <summary>
        /// Keys (case-insensitive, all optional): Database ("PostgreSQL", the default and for now the only one),
        /// TablePrefix (string), IncludeUserIdAsAddress (bool), InactiveUsers ("Omit" or "List"),
        /// CommandTimeoutSeconds (number or TimeSpan), Warning (Action&lt;string&gt;, receives warnings without secrets).
        /// Unknown keys and bad values throw MailStoreAdminException.
        /// </summary>
        public static IDirectoryUserSource Create(string connectionString, IDictionary<string, object?> options)
        {
            var sourceOptions = new DbMailSourceOptions { ConnectionString = connectionString ?? string.Empty };
            IDbMailDialect dialect = PostgreSqlDialect.Instance;
            foreach (var pair in options ?? new Dictionary<string, object?>())
            {
                var key = pair.Key ?? string.Empty;
                var value = pair.Value;
                if (value == null) continue;
                if (Is(key, DatabaseKey)) dialect = DialectNamed(AsString(key, value));
                else if (Is(key, TablePrefixKey)) sourceOptions.TablePrefix = AsString(key, value);
                else if (Is(key, IncludeUserIdAsAddressKey)) sourceOptions.IncludeUserIdAsAddress = AsBoolean(key, value);
                else if (Is(key, InactiveUsersKey)) sourceOptions.InactiveUsers = AsInactiveUsers(key, value);
                else if (Is(key, CommandTimeoutSecondsKey)) sourceOptions.CommandTimeout = AsTimeout(key, value);
                else if (Is(key, WarningKey)) sourceOptions.Warning = value as Action<string>
                    ?? throw Invalid("DbMailOptionInvalid", $"Option '{key}' must be an Action<string>.");
                else throw Invalid("DbMailOptionUnknown",
                    $"Unknown dbmail source option '{key}'. Known: {DatabaseKey}, {TablePrefixKey}, {IncludeUserIdAsAddressKey}, {InactiveUsersKey}, {CommandTimeoutSecondsKey}, {WarningKey}.");
            }
            return Create(sourceOptions, dialect);
        }

        public static IDirectoryUserSource Create(DbMailSourceOptions options, IDbMailDialect dialect) =>
            new DbMailUserSource(options, dialect);

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

        private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);

        private static string AsString(string key, object value) =>
            value as string ?? throw Invalid("DbMailOptionInvalid", $"Option '{key}' must be a string.");

        private static bool AsBoolean(string key, object value)
        {
            if (value is bool b) return b;
            if (value is string s && bool.TryParse(s, out var parsed)) return parsed;
            throw Invalid("DbMailOptionInvalid", $"Option '{key}' must be true or false.");
        }

        private static DbMailInactiveUsers AsInactiveUsers(string key, object value)
        {
            if (value is DbMailInactiveUsers direct) return direct;
            if (value is string s && Enum.TryParse<DbMailInactiveUsers>(s, ignoreCase: true, out var parsed)
                && Enum.IsDefined(typeof(DbMailInactiveUsers), parsed) && !int.TryParse(s, out _))
                return parsed;
            throw Invalid("DbMailOptionInvalid", $"Option '{key}' must be 'Omit' or 'List'.");
        }

        private static TimeSpan AsTimeout(string key, object value)
        {
            if (value is TimeSpan span) return span;
            try
            {
                if (value is IConvertible && value is not bool)
                    return TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
            {
            }
            throw Invalid("DbMailOptionInvalid", $"Option '{key}' must be a number of seconds.");
        }

        private static MailStoreAdminException Invalid(string errorId, string message) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message);
    }
}
