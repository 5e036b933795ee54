using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Npgsql;

namespace MailStoreAdmin.DbMailDatabase.TestSupport
{
    /// <summary>Writes dbmail users and aliases, one at a time (tests) or in bulk with COPY (benchmark).</summary>
    public sealed class DbMailSeeder
    {
        private readonly string _connectionString;
        private readonly string _prefix;
        private readonly bool _pre32004;

        public DbMailSeeder(string connectionString, string prefix = "dbmail_", bool pre32004 = false)
        {
            _connectionString = connectionString;
            _prefix = prefix;
            _pre32004 = pre32004;
        }

        /// <summary>Returns the new user_idnr, which is what deliver_to holds (as text) for the user's aliases.</summary>
        public async Task<long> AddUserAsync(string userId, string passwd, string encryptionType = "", bool active = true, string spasswd = "")
        {
            var sql = _pre32004
                ? $"INSERT INTO {_prefix}users (userid, passwd, encryption_type) VALUES (@u, @p, @e) RETURNING user_idnr"
                : $"INSERT INTO {_prefix}users (userid, passwd, encryption_type, active, spasswd) VALUES (@u, @p, @e, @a, @s) RETURNING user_idnr";
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("u", userId);
            command.Parameters.AddWithValue("p", passwd);
            command.Parameters.AddWithValue("e", encryptionType);
            if (!_pre32004)
            {
                command.Parameters.AddWithValue("a", (short)(active ? 1 : 0));
                command.Parameters.AddWithValue("s", spasswd);
            }
            return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("No user_idnr returned."));
        }

        public Task AddAliasAsync(string alias, long userIdnr) => AddAliasAsync(alias, userIdnr.ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>deliver_to is a user id as text, an external address, or another alias.</summary>
        public async Task AddAliasAsync(string alias, string deliverTo)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"INSERT INTO {_prefix}aliases (alias, deliver_to) VALUES (@a, @d)", connection);
            command.Parameters.AddWithValue("a", alias);
            command.Parameters.AddWithValue("d", deliverTo);
            await command.ExecuteNonQueryAsync();
        }

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>
        /// Bulk load with binary COPY. user_idnr values are given explicitly (the caller needs them for aliases);
        /// the sequence is moved past them afterwards.
        /// </summary>
        public async Task BulkLoadAsync(IEnumerable<(long Idnr, string UserId, string Passwd, string EncryptionType)> users,
            IEnumerable<(string Alias, string DeliverTo)> aliases)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using (var writer = await connection.BeginBinaryImportAsync(
                $"COPY {_prefix}users (user_idnr, userid, passwd, encryption_type) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var user in users)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(user.Idnr, NpgsqlTypes.NpgsqlDbType.Bigint);
                    await writer.WriteAsync(user.UserId, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await writer.WriteAsync(user.Passwd, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await writer.WriteAsync(user.EncryptionType, NpgsqlTypes.NpgsqlDbType.Varchar);
                }
                await writer.CompleteAsync();
            }
            await using (var writer = await connection.BeginBinaryImportAsync(
                $"COPY {_prefix}aliases (alias, deliver_to) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var alias in aliases)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(alias.Alias, NpgsqlTypes.NpgsqlDbType.Varchar);
                    await writer.WriteAsync(alias.DeliverTo, NpgsqlTypes.NpgsqlDbType.Varchar);
                }
                await writer.CompleteAsync();
            }
            await using var command = new NpgsqlCommand(
                $"SELECT setval('{_prefix}user_idnr_seq', (SELECT max(user_idnr) FROM {_prefix}users)); ANALYZE {_prefix}users; ANALYZE {_prefix}aliases;",
                connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
