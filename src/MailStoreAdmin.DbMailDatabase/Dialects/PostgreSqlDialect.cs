using System.Data.Common;
using Npgsql;

namespace MailStoreAdmin.DbMailDatabase.Dialects
{
    public sealed class PostgreSqlDialect : IDbMailDialect
    {
        public static readonly PostgreSqlDialect Instance = new PostgreSqlDialect();

        public string Name => "PostgreSQL";

        public DbDataSource CreateDataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);
    }
}
