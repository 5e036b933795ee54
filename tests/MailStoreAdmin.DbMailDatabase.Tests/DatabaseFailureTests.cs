using MailStoreAdmin.Core.Integration.Sources;
using System.Net;
using System.Net.Sockets;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.DbMailDatabase.Dialects;
using MailStoreAdmin.DbMailDatabase.TestSupport;
using Npgsql;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

/// <summary>A broken database must surface as an exception: never as an empty list or a "wrong password".</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DatabaseFailureTests(PostgreSqlFixture postgres)
{
    private const string Sha256OfTestpass = "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c";

    private static IDirectoryUserSource Source(string connectionString) =>
        new DbMailUserSource(new DbMailDatabaseOptions { ConnectionString = connectionString }, PostgreSqlDialect.Instance);

    private static async Task<MailStoreAdminException[]> BothCallsFail(IDirectoryUserSource source)
    {
        return new[]
        {
            await Assert.ThrowsAsync<MailStoreAdminException>(() => source.ListUsersAsync(CancellationToken.None)),
            await Assert.ThrowsAsync<MailStoreAdminException>(() => source.AuthenticateAsync("someone", "testpass", CancellationToken.None)),
        };
    }

    [Fact]
    public async Task Nothing_listening_throws_a_connection_error_without_the_password()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        const string secret = "S3cret-Do-Not-Show";
        var connectionString = $"Host=127.0.0.1;Port={closedPort};Database=dbmail;Username=dbmail;Password={secret};Timeout=5";
        using var source = Source(connectionString);

        foreach (var error in await BothCallsFail(source))
        {
            Assert.Equal("DbMailDatabaseError", error.ErrorId);
            Assert.Equal(ErrorKind.ConnectionError, error.Kind);
            Assert.Contains($"port={closedPort}", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, error.Message);
            Assert.DoesNotContain(secret, error.ToString());
        }
        Assert.DoesNotContain(secret, source.Description);
    }

    [Fact]
    public async Task Wrong_database_password_throws_and_the_message_hides_it()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        const string wrong = "wrong-db-password-xyz";
        using var source = Source(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Password = wrong }.ConnectionString);

        foreach (var error in await BothCallsFail(source))
        {
            Assert.Equal("DbMailDatabaseError", error.ErrorId);
            Assert.Contains("password authentication failed", error.Message);
            Assert.DoesNotContain(wrong, error.ToString());
            Assert.DoesNotContain(postgres.Cluster.Password, error.ToString());
        }
    }

    [Fact]
    public async Task Missing_database_throws()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(postgres.Cluster.ConnectionString("postgres")) { Database = "no_such_db" }.ConnectionString;
        using var source = Source(connectionString);

        var errors = await BothCallsFail(source);

        Assert.Contains("no_such_db", errors[0].Message);
    }

    [Fact]
    public async Task Server_that_goes_down_after_working_throws_and_recovers_nothing_silently()
    {
        // Its own cluster, because this test stops the server.
        using var cluster = PostgreSqlCluster.Start();
        var connectionString = await cluster.CreateDatabaseAsync("dbmail_down");
        await DbMailPostgreSqlSchema.CreateAsync(connectionString);
        await new DbMailSeeder(connectionString).AddUserAsync("olga", Sha256OfTestpass, "sha256");
        using var source = Source(connectionString + ";Timeout=5");
        Assert.Single(await source.ListUsersAsync(CancellationToken.None));
        Assert.True(await source.AuthenticateAsync("olga", "testpass", CancellationToken.None));

        cluster.Dispose();

        await BothCallsFail(source);
    }

    [Fact]
    public async Task Cancellation_is_reported_as_cancellation_not_as_a_database_error()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        using var source = db.CreateSource();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.ListUsersAsync(cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.AuthenticateAsync("x", "y", cancelled.Token));
    }
}
