using MailStoreAdmin.Core.Integration.Sources;
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Passwords;
using MailStoreAdmin.DbMailDatabase.Dialects;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>
    /// dbmail's users (table <c>&lt;prefix&gt;users</c>) and their addresses (<c>&lt;prefix&gt;aliases</c>) for
    /// MailStore's Application Integration protocol; passwords checked the way dbmail's auth_validate does.
    /// Thread-safe. Every database failure throws, so it can never pass for an empty list or a wrong password.
    /// </summary>
    public sealed class DbMailUserSource : IDirectoryUserSource
    {
        private readonly DbMailDatabaseOptions _options;
        private readonly IDbMailDialect _dialect;
        private readonly DbMailConnectionInfo _connection;
        private readonly DbMailSql _sql;
        private readonly DbDataSource _dataSource;
        private readonly SemaphoreSlim _probeLock = new SemaphoreSlim(1, 1);
        private volatile DbMailSchema? _schema;

        public DbMailUserSource(DbMailDatabaseOptions options, IDbMailDialect dialect)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
            options.Validate();
            _connection = ParseConnectionString(options.ConnectionString);
            _sql = new DbMailSql(options.TablePrefix);
            _dataSource = CreateDataSource(dialect, options.ConnectionString);
            Description = $"dbmail on {dialect.Name} ({_connection.Description}; table prefix '{options.TablePrefix}')";
        }

        public string Description { get; }

        public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
        {
            try
            {
                var schema = await GetSchemaAsync(cancellationToken).ConfigureAwait(false);
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                // One snapshot for both queries, so a user and its aliases are read as of the same moment.
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

                // Keyed by user_idnr as decimal text: that exact string is what deliver_to holds for a mailbox alias.
                var byId = new Dictionary<string, UserAddressCollector>(StringComparer.Ordinal);
                await using (var command = CreateCommand(connection, transaction,
                    _sql.ListUsers(schema, _options.InactiveUsers == DbMailInactiveUsers.List)))
                {
                    for (var i = 0; i < DbMailBuiltInUsers.All.Count; i++)
                        AddParameter(command, DbMailSql.BuiltInParameter(i), DbMailBuiltInUsers.All[i]);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                        byId[id] = new UserAddressCollector(reader.GetString(1), _options.IncludeUserIdAsAddress);
                    }
                }

                await using (var command = CreateCommand(connection, transaction, _sql.ListAliasTargets))
                {
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (reader.IsDBNull(0) || reader.IsDBNull(1)) continue;
                        if (byId.TryGetValue(reader.GetString(0), out var owner)) owner.Add(reader.GetString(1));
                    }
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

                var users = new List<DirectoryUser>(byId.Count);
                foreach (var collector in byId.Values) collector.AddTo(users);
                users.Sort(UserNameOrder);
                return users;
            }
            catch (Exception ex) when (IsDatabaseFailure(ex, cancellationToken))
            {
                throw DatabaseError("list users", ex);
            }
        }

        public async Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
        {
            // auth_validate's order: empty name or password, the public-folder owner (here: every built-in account),
            // the case-insensitive lookup, active, then passwd only (never spasswd).
            if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return false;
            if (DbMailBuiltInUsers.IsBuiltIn(userName)) return false;

            StoredLogin? login;
            try
            {
                login = await FindLoginAsync(userName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsDatabaseFailure(ex, cancellationToken))
            {
                throw DatabaseError("look up a login", ex);
            }
            if (login == null || !login.Active) return false;
            if (DbMailPasswordSchemes.Verify(login.EncryptionType, login.Password, password)) return true;
            if (!DbMailPasswordSchemes.IsSupported(login.EncryptionType, login.Password)) WarnUnsupportedScheme(userName, login);
            return false;
        }

        public void Dispose()
        {
            _dataSource.Dispose();
            _probeLock.Dispose();
        }

        public override string ToString() => Description;

        private async Task<StoredLogin?> FindLoginAsync(string userName, CancellationToken cancellationToken)
        {
            var schema = await GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = CreateCommand(connection, _sql.FindLogin(schema));
            AddParameter(command, DbMailSql.UserNameParameter, userName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            return new StoredLogin(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                // NULL counts as inactive, as in dbmail (its result getter reads NULL as 0).
                !reader.IsDBNull(2) && Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0);
        }

        /// <summary>Says which scheme, never the stored value: a crypt string's "$id$" prefix at most.</summary>
        private void WarnUnsupportedScheme(string userName, StoredLogin login)
        {
            var warning = _options.Warning;
            if (warning == null) return;
            string scheme;
            if (string.IsNullOrEmpty(login.Password)) scheme = "an empty stored password";
            else if (login.Password.StartsWith('$') && login.Password.IndexOf('$', 1) > 1)
                scheme = $"encryption_type '{login.EncryptionType}' with crypt scheme '{login.Password[..(login.Password.IndexOf('$', 1) + 1)]}'";
            else scheme = $"encryption_type '{login.EncryptionType}'";
            try
            {
                warning($"dbmail login for '{userName}' refused: {scheme} cannot be checked by this module.");
            }
            catch (Exception)
            {
                // A failing log sink must not turn a refused login into an error.
            }
        }

        /// <summary>Probed once; a failed probe is not remembered, so the next call retries.</summary>
        private async Task<DbMailSchema> GetSchemaAsync(CancellationToken cancellationToken)
        {
            var schema = _schema;
            if (schema != null) return schema;
            await _probeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_schema != null) return _schema;
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = CreateCommand(connection, _sql.ProbeUserColumns);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var columns = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++) columns.Add(reader.GetName(i));
                if (!columns.Exists(c => c.Equals("userid", StringComparison.OrdinalIgnoreCase)))
                    throw new MailStoreAdminException(ErrorKind.InvalidResult, "DbMailSchemaUnexpected",
                        $"Table {_sql.UsersTable} has no userid column; is it a dbmail database and is the table prefix right?",
                        Description);
                return _schema = new DbMailSchema(columns);
            }
            finally
            {
                _probeLock.Release();
            }
        }

        private DbCommand CreateCommand(DbConnection connection, string sql) => CreateCommand(connection, null, sql);

        private DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
            return command;
        }

        private static void AddParameter(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        /// <summary>Everything but our own errors and a cancellation the caller asked for.</summary>
        private static bool IsDatabaseFailure(Exception ex, CancellationToken cancellationToken) =>
            ex is not MailStoreAdminException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

        private MailStoreAdminException DatabaseError(string action, Exception ex)
        {
            var timedOut = ex is TimeoutException || ex.InnerException is TimeoutException;
            var detail = Redactor.ScrubValues(ex.Message, _connection.Secrets);
            return new MailStoreAdminException(
                timedOut ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError,
                "DbMailDatabaseError",
                $"Could not {action} in the dbmail database ({_dialect.Name}, {_connection.Description}): {detail}",
                Description,
                inner: null, // the driver's exception may carry the connection string; its scrubbed message is above
                recommendedAction: "Check that the database server is reachable, the credentials and database name are right, and the table prefix matches dbmail.conf.");
        }

        private static DbMailConnectionInfo ParseConnectionString(string connectionString)
        {
            try
            {
                return DbMailConnectionInfo.Parse(connectionString);
            }
            catch (FormatException ex)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "DbMailConnectionStringInvalid", ex.Message);
            }
        }

        private static DbDataSource CreateDataSource(IDbMailDialect dialect, string connectionString)
        {
            try
            {
                return dialect.CreateDataSource(connectionString);
            }
            catch (ArgumentException ex)
            {
                // The driver names the offending keyword; its value could be a secret, so only the keyword is kept.
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "DbMailConnectionStringInvalid",
                    $"The {dialect.Name} connection string is not valid" + (ex.ParamName != null ? $" (keyword '{ex.ParamName}')." : "."));
            }
        }

        private static int UserNameOrder(DirectoryUser a, DirectoryUser b)
        {
            var order = StringComparer.OrdinalIgnoreCase.Compare(a.UserName, b.UserName);
            return order != 0 ? order : StringComparer.Ordinal.Compare(a.UserName, b.UserName);
        }

        private sealed record StoredLogin(string? Password, string? EncryptionType, bool Active);
    }
}
