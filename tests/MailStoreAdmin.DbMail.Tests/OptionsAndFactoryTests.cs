using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using Xunit;

namespace MailStoreAdmin.DbMail.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class OptionsAndFactoryTests(PostgreSqlFixture postgres)
{
    [Theory]
    [InlineData("dbmail_")]
    [InlineData("")]
    [InlineData("Mail2_")]
    public void Table_prefix_of_letters_digits_and_underscore_is_accepted(string prefix)
    {
        DbMailSourceOptions.ValidateTablePrefix(prefix);
    }

    [Theory]
    [InlineData("dbmail_; DROP TABLE x; --")]
    [InlineData("db-mail_")]
    [InlineData("db mail")]
    [InlineData("public.dbmail_")]
    [InlineData("dbmail\"_")]
    [InlineData("dbmäil_")]
    public void Table_prefix_with_anything_else_is_refused(string prefix)
    {
        var error = Assert.Throws<MailStoreAdminException>(() => DbMailSourceOptions.ValidateTablePrefix(prefix));
        Assert.Equal("DbMailTablePrefixInvalid", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void Factory_refuses_a_bad_prefix_before_touching_the_database()
    {
        var error = Assert.Throws<MailStoreAdminException>(() => DbMailSourceFactory.Create(
            "Host=127.0.0.1;Port=1;Database=x;Username=y;Password=z",
            new Dictionary<string, object?> { ["tableprefix"] = "x;--" }));
        Assert.Equal("DbMailTablePrefixInvalid", error.ErrorId);
    }

    [Fact]
    public void Factory_refuses_unknown_options_and_wrong_types()
    {
        const string cs = "Host=127.0.0.1;Database=x;Username=y;Password=z";
        Assert.Equal("DbMailOptionUnknown", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(cs, new Dictionary<string, object?> { ["TablePrefx"] = "a_" })).ErrorId);
        Assert.Equal("DbMailOptionInvalid", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(cs, new Dictionary<string, object?> { ["InactiveUsers"] = "Sometimes" })).ErrorId);
        Assert.Equal("DbMailOptionInvalid", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(cs, new Dictionary<string, object?> { ["IncludeUserIdAsAddress"] = "maybe" })).ErrorId);
        Assert.Equal("DbMailCommandTimeoutInvalid", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(cs, new Dictionary<string, object?> { ["CommandTimeoutSeconds"] = 0 })).ErrorId);
        Assert.Equal("DbMailDatabaseUnsupported", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(cs, new Dictionary<string, object?> { ["Database"] = "Oracle" })).ErrorId);
        Assert.Equal("DbMailConnectionStringMissing", Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create(" ", new Dictionary<string, object?>())).ErrorId);
    }

    [Fact]
    public void Invalid_connection_string_is_refused_without_echoing_it()
    {
        const string secret = "PwValue-123";
        var error = Assert.Throws<MailStoreAdminException>(() =>
            DbMailSourceFactory.Create($"Host=127.0.0.1;Password={secret};NoSuchKeyword=1", new Dictionary<string, object?>()));
        Assert.Equal("DbMailConnectionStringInvalid", error.ErrorId);
        Assert.DoesNotContain(secret, error.ToString());
    }

    [Fact]
    public async Task Factory_through_reflection_with_primitive_options_builds_a_working_source()
    {
        var db = await postgres.NewDbMailDatabaseAsync(prefix: "mx_");
        var pat = await db.Seeder.AddUserAsync("pat@example.com", "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c", "sha256", active: false);
        await db.Seeder.AddAliasAsync("p@example.com", pat);

        // The module calls it like this from netstandard2.0, across load contexts.
        var create = typeof(DbMailSourceFactory).GetMethod("Create", new[] { typeof(string), typeof(IDictionary<string, object?>) })!;
        var options = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database"] = "PostgreSQL",
            ["TablePrefix"] = "mx_",
            ["IncludeUserIdAsAddress"] = false,
            ["InactiveUsers"] = "List",
            ["CommandTimeoutSeconds"] = 10,
        };
        using var source = (IDirectoryUserSource)create.Invoke(null, new object[] { db.ConnectionString, options })!;

        var user = Assert.Single(await source.ListUsersAsync(CancellationToken.None));
        Assert.Equal("pat@example.com", user.UserName);
        Assert.Equal(new[] { "p@example.com" }, user.EmailAddresses);
        Assert.False(await source.AuthenticateAsync("pat@example.com", "testpass", CancellationToken.None)); // inactive
        Assert.Contains("PostgreSQL", source.Description);
        Assert.Contains("mx_", source.Description);
        Assert.DoesNotContain(postgres.Cluster.Password, source.Description);
    }

    [Fact]
    public async Task The_module_loader_runs_the_source_in_its_own_load_context_with_the_login_from_a_credential()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("kim", "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c", "sha256");
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = db.ConnectionString };
        var login = new System.Net.NetworkCredential((string)builder["Username"], (string)builder["Password"]);
        builder.Remove("Username");
        builder.Remove("Password");

        // The folder the test runs from holds MailStoreAdmin.DbMail and Npgsql, as the module's dbmail folder does.
        using var source = MailStoreAdmin.Core.Integration.Hosting.DbMailSourceLoader.Create(builder.ConnectionString!, login,
            new Dictionary<string, object?>(), AppContext.BaseDirectory);

        Assert.NotSame(typeof(DbMailSourceFactory).Assembly, source.GetType().Assembly);
        Assert.NotEqual(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(source.GetType().Assembly));
        Assert.Equal("kim", Assert.Single(await source.ListUsersAsync(CancellationToken.None)).UserName);
        Assert.True(await source.AuthenticateAsync("KIM", "testpass", CancellationToken.None));
    }
}
