using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class OptionsAndFactoryTests(PostgreSqlFixture postgres)
{
    [Theory]
    [InlineData("dbmail_")]
    [InlineData("")]
    [InlineData("Mail2_")]
    public void Table_prefix_of_letters_digits_and_underscore_is_accepted(string prefix)
    {
        DbMailDatabaseOptions.ValidateTablePrefix(prefix);
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
        var error = Assert.Throws<MailStoreAdminException>(() => DbMailDatabaseOptions.ValidateTablePrefix(prefix));
        Assert.Equal("DbMailTablePrefixInvalid", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    private static IDirectoryUserSource Create(Action<DbMailDatabaseOptions> configure)
    {
        var options = new DbMailDatabaseOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=x;Username=y;Password=z" };
        configure(options);
        return new DbMailSourceFactory().Create(options);
    }

    [Fact]
    public void Factory_refuses_a_bad_prefix_before_touching_the_database()
    {
        var error = Assert.Throws<MailStoreAdminException>(() => Create(o => o.TablePrefix = "x;--"));
        Assert.Equal("DbMailTablePrefixInvalid", error.ErrorId);
    }

    [Fact]
    public void Factory_refuses_invalid_options()
    {
        Assert.Equal("DbMailInactiveUsersInvalid", Assert.Throws<MailStoreAdminException>(() => Create(o => o.InactiveUsers = (DbMailInactiveUsers)7)).ErrorId);
        Assert.Equal("DbMailCommandTimeoutInvalid", Assert.Throws<MailStoreAdminException>(() => Create(o => o.CommandTimeout = TimeSpan.Zero)).ErrorId);
        Assert.Equal("DbMailDatabaseUnsupported", Assert.Throws<MailStoreAdminException>(() => Create(o => o.Database = "Oracle")).ErrorId);
        Assert.Equal("DbMailConnectionStringMissing", Assert.Throws<MailStoreAdminException>(() => Create(o => o.ConnectionString = " ")).ErrorId);
    }

    [Fact]
    public void Invalid_connection_string_is_refused_without_echoing_it()
    {
        const string secret = "PwValue-123";
        var error = Assert.Throws<MailStoreAdminException>(() => Create(o => o.ConnectionString = $"Host=127.0.0.1;Password={secret};NoSuchKeyword=1"));
        Assert.Equal("DbMailConnectionStringInvalid", error.ErrorId);
        Assert.DoesNotContain(secret, error.ToString());
    }

    [Fact]
    public async Task The_factory_is_the_assemblys_one_implementation_of_the_core_interface_and_builds_a_working_source()
    {
        var db = await postgres.NewDbMailDatabaseAsync(prefix: "mx_");
        var pat = await db.Seeder.AddUserAsync("pat@example.com", "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c", "sha256", active: false);
        await db.Seeder.AddAliasAsync("p@example.com", pat);

        // What the module's loader looks for.
        var implementation = Assert.Single(typeof(DbMailSourceFactory).Assembly.GetExportedTypes(),
            t => typeof(IDbMailDatabaseSourceFactory).IsAssignableFrom(t) && !t.IsAbstract);
        var factory = (IDbMailDatabaseSourceFactory)Activator.CreateInstance(implementation)!;
        using var source = factory.Create(new DbMailDatabaseOptions
        {
            ConnectionString = db.ConnectionString,
            TablePrefix = "mx_",
            IncludeUserIdAsAddress = false,
            InactiveUsers = DbMailInactiveUsers.List,
            CommandTimeout = TimeSpan.FromSeconds(10),
        });

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

        // The folder the test runs from holds MailStoreAdmin.DbMailDatabase and Npgsql, as the module's dbmail folder does.
        using var source = MailStoreAdmin.Core.Integration.Hosting.DbMailDatabaseSourceLoader.Create(
            new DbMailDatabaseOptions { ConnectionString = builder.ConnectionString! }, login, AppContext.BaseDirectory);

        Assert.NotSame(typeof(DbMailSourceFactory).Assembly, source.GetType().Assembly);
        Assert.NotEqual(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(source.GetType().Assembly));
        Assert.Equal("kim", Assert.Single(await source.ListUsersAsync(CancellationToken.None)).UserName);
        Assert.True(await source.AuthenticateAsync("KIM", "testpass", CancellationToken.None));
    }
}
