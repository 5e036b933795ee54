using MailStoreAdmin.Core.Errors;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaVariantTests(PostgreSqlFixture postgres)
{
    private const string Sha256OfTestpass = "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c";

    [Fact]
    public async Task Pre_32004_schema_without_active_column_lists_and_authenticates_everyone()
    {
        var db = await postgres.NewDbMailDatabaseAsync(pre32004: true);
        var leo = await db.Seeder.AddUserAsync("leo", Sha256OfTestpass, "sha256");
        await db.Seeder.AddAliasAsync("leo@example.com", leo);
        using var source = db.CreateSource();

        var users = await source.ListUsersAsync(CancellationToken.None);

        Assert.Equal("leo", Assert.Single(users).UserName);
        Assert.Equal(new[] { "leo@example.com" }, users[0].EmailAddresses);
        Assert.True(await source.AuthenticateAsync("LEO", "testpass", CancellationToken.None));
        Assert.False(await source.AuthenticateAsync("leo", "nope", CancellationToken.None));
    }

    [Fact]
    public async Task Custom_table_prefix_reads_its_own_tables_only()
    {
        var db = await postgres.NewDbMailDatabaseAsync(prefix: "mail_");
        var mia = await db.Seeder.AddUserAsync("mia", Sha256OfTestpass, "sha256");
        await db.Seeder.AddAliasAsync("mia@example.com", mia);
        // Default-prefixed tables in the same database with someone else must not leak in.
        await TestSupport.DbMailPostgreSqlSchema.CreateAsync(db.ConnectionString, "dbmail_");
        await new TestSupport.DbMailSeeder(db.ConnectionString).AddUserAsync("intruder", "x");
        using var source = db.CreateSource();

        var users = await source.ListUsersAsync(CancellationToken.None);

        Assert.Equal("mia", Assert.Single(users).UserName);
        Assert.True(await source.AuthenticateAsync("mia", "testpass", CancellationToken.None));
        Assert.False(await source.AuthenticateAsync("intruder", "x", CancellationToken.None));
    }

    [Fact]
    public async Task Empty_table_prefix_works()
    {
        var db = await postgres.NewDbMailDatabaseAsync(prefix: "");
        await db.Seeder.AddUserAsync("noprefix", "x");
        using var source = db.CreateSource();

        Assert.Equal("noprefix", Assert.Single(await source.ListUsersAsync(CancellationToken.None)).UserName);
    }

    [Fact]
    public async Task Wrong_table_prefix_throws_instead_of_listing_nobody()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("nina", "x");
        using var source = db.CreateSource(o => o.TablePrefix = "other_");

        var listError = await Assert.ThrowsAsync<MailStoreAdminException>(() => source.ListUsersAsync(CancellationToken.None));
        var authError = await Assert.ThrowsAsync<MailStoreAdminException>(() => source.AuthenticateAsync("nina", "x", CancellationToken.None));

        Assert.Equal("DbMailDatabaseError", listError.ErrorId);
        Assert.Contains("other_users", listError.Message);
        Assert.Equal("DbMailDatabaseError", authError.ErrorId);
    }

    [Fact]
    public async Task A_users_table_without_userid_is_reported_as_not_dbmail()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.ExecuteAsync("CREATE TABLE odd_users (id INT8); CREATE TABLE odd_aliases (alias TEXT, deliver_to TEXT);");
        using var source = db.CreateSource(o => o.TablePrefix = "odd_");

        var error = await Assert.ThrowsAsync<MailStoreAdminException>(() => source.ListUsersAsync(CancellationToken.None));

        Assert.Equal("DbMailSchemaUnexpected", error.ErrorId);
    }
}
