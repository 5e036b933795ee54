using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.DbMail.Dialects;
using MailStoreAdmin.DbMail.TestSupport;
using Xunit;

namespace MailStoreAdmin.DbMail.Tests;

/// <summary>
/// One PostgreSQL cluster for every test in the "PostgreSQL" collection. If PostgreSQL is not installed the
/// constructor throws, and xunit fails each test with the install hint (they never pass silently).
/// </summary>
public sealed class PostgreSqlFixture : IDisposable
{
    public PostgreSqlFixture()
    {
        Cluster = PostgreSqlCluster.Start();
    }

    public PostgreSqlCluster Cluster { get; }

    /// <summary>A fresh database holding dbmail's tables (and its three built-in users).</summary>
    public async Task<DbMailTestDatabase> NewDbMailDatabaseAsync(string prefix = "dbmail_", bool pre32004 = false)
    {
        var connectionString = await Cluster.CreateDatabaseAsync("dbmail");
        await DbMailPostgreSqlSchema.CreateAsync(connectionString, prefix, pre32004);
        return new DbMailTestDatabase(connectionString, prefix, new DbMailSeeder(connectionString, prefix, pre32004));
    }

    public void Dispose() => Cluster.Dispose();
}

public sealed record DbMailTestDatabase(string ConnectionString, string Prefix, DbMailSeeder Seeder)
{
    public IDirectoryUserSource CreateSource(Action<DbMailSourceOptions>? configure = null)
    {
        var options = new DbMailSourceOptions { ConnectionString = ConnectionString, TablePrefix = Prefix };
        configure?.Invoke(options);
        return new DbMailUserSource(options, PostgreSqlDialect.Instance);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "PostgreSQL";
}
