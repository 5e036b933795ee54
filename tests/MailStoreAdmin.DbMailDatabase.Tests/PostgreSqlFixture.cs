using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.DbMailDatabase.Dialects;
using MailStoreAdmin.DbMailDatabase.TestSupport;
using Npgsql;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

/// <summary>
/// One PostgreSQL cluster for every test in the "PostgreSQL" collection. If PostgreSQL is not installed the
/// constructor throws, and xunit fails each test with the install hint (they never pass silently).
/// </summary>
public sealed class PostgreSqlFixture : IDisposable
{
    private readonly string _databaseConnectionString;
    private int _schemaCounter;

    public PostgreSqlFixture()
    {
        Cluster = PostgreSqlCluster.Start();
        try
        {
            _databaseConnectionString = Cluster.CreateDatabaseAsync("dbmail_tests").GetAwaiter().GetResult();
        }
        catch
        {
            Cluster.Dispose();
            throw;
        }
    }

    public PostgreSqlCluster Cluster { get; }

    /// <summary>
    /// A fresh, isolated set of dbmail tables (with its three built-in users). Each test gets its own PostgreSQL
    /// schema, reached through the connection's search path: as isolated as a database, 20x cheaper to create.
    /// </summary>
    public async Task<DbMailTestDatabase> NewDbMailDatabaseAsync(string prefix = "dbmail_", bool pre32004 = false)
    {
        var schema = "t" + Interlocked.Increment(ref _schemaCounter);
        await using (var connection = new NpgsqlConnection(_databaseConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(_databaseConnectionString) { SearchPath = schema }.ConnectionString;
        await DbMailPostgreSqlSchema.CreateAsync(connectionString, prefix, pre32004);
        return new DbMailTestDatabase(connectionString, prefix, new DbMailSeeder(connectionString, prefix, pre32004));
    }

    public void Dispose() => Cluster.Dispose();
}

public sealed record DbMailTestDatabase(string ConnectionString, string Prefix, DbMailSeeder Seeder)
{
    public IDirectoryUserSource CreateSource(Action<DbMailDatabaseOptions>? configure = null)
    {
        var options = new DbMailDatabaseOptions { ConnectionString = ConnectionString, TablePrefix = Prefix };
        configure?.Invoke(options);
        return new DbMailUserSource(options, PostgreSqlDialect.Instance);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
