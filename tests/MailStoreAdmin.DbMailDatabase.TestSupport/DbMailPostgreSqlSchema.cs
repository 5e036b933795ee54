using System.Threading.Tasks;
using Npgsql;

namespace MailStoreAdmin.DbMailDatabase.TestSupport
{
    /// <summary>
    /// dbmail's users and aliases tables for PostgreSQL, written from the column list in
    /// shared/reference/integration-server.md §2.1 (dbmail's create_tables.pgsql and upgrade 32004), with the
    /// three built-in accounts dbmail inserts. Pre32004 leaves out spasswd, saction and active.
    /// </summary>
    public static class DbMailPostgreSqlSchema
    {
        public static async Task CreateAsync(string connectionString, string prefix = "dbmail_", bool pre32004 = false)
        {
            var securityColumns = pre32004 ? string.Empty :
                "spasswd VARCHAR(130) NOT NULL DEFAULT '', saction SMALLINT NOT NULL DEFAULT 0, active SMALLINT NOT NULL DEFAULT 1, ";
            var ddl = $@"
CREATE SEQUENCE {prefix}user_idnr_seq;
CREATE TABLE {prefix}users (
    user_idnr INT8 DEFAULT nextval('{prefix}user_idnr_seq'),
    userid VARCHAR(100) NOT NULL,
    passwd VARCHAR(130) NOT NULL,
    client_idnr INT8 DEFAULT 0 NOT NULL,
    maxmail_size INT8 DEFAULT 0 NOT NULL,
    curmail_size INT8 DEFAULT 0 NOT NULL,
    maxsieve_size INT8 DEFAULT 0 NOT NULL,
    cursieve_size INT8 DEFAULT 0 NOT NULL,
    encryption_type VARCHAR(20) DEFAULT '' NOT NULL,
    last_login TIMESTAMP DEFAULT '1979-11-03 22:05:58' NOT NULL,
    {securityColumns}
    PRIMARY KEY (user_idnr)
);
CREATE UNIQUE INDEX {prefix}users_name_idx ON {prefix}users(userid);
CREATE INDEX {prefix}users_lower_idx ON {prefix}users(lower(userid));

CREATE SEQUENCE {prefix}alias_idnr_seq;
CREATE TABLE {prefix}aliases (
    alias_idnr INT8 DEFAULT nextval('{prefix}alias_idnr_seq'),
    alias VARCHAR(100) NOT NULL,
    deliver_to VARCHAR(250) NOT NULL,
    client_idnr INT8 DEFAULT 0 NOT NULL,
    PRIMARY KEY (alias_idnr)
);
CREATE INDEX {prefix}aliases_alias_idx ON {prefix}aliases(alias);
CREATE INDEX {prefix}aliases_alias_low_idx ON {prefix}aliases(lower(alias));
CREATE INDEX {prefix}aliases_deliver_to_idx ON {prefix}aliases(deliver_to);

INSERT INTO {prefix}users (userid, passwd, encryption_type) VALUES
    ('__@!internal_delivery_user!@__', '', 'md5'),
    ('anyone', '', 'md5'),
    ('__public__', '', 'md5');
";
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(ddl, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
