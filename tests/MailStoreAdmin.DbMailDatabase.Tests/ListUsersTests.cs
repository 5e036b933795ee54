using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Integration;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class ListUsersTests(PostgreSqlFixture postgres)
{
    private static async Task<IReadOnlyList<DirectoryUser>> ListAsync(IDirectoryUserSource source) =>
        await source.ListUsersAsync(CancellationToken.None);

    private static DirectoryUser Single(IReadOnlyList<DirectoryUser> users, string userName) =>
        Assert.Single(users, u => u.UserName == userName);

    [Fact]
    public async Task Fresh_database_lists_nobody_because_the_built_in_accounts_are_skipped()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        using var source = db.CreateSource();

        Assert.Empty(await ListAsync(source));
    }

    [Fact]
    public async Task Users_come_with_their_own_aliases_and_aliases_of_those_aliases_one_level_deep()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        var alice = await db.Seeder.AddUserAsync("alice", "x");
        var bob = await db.Seeder.AddUserAsync("bob", "x");
        await db.Seeder.AddAliasAsync("alice@example.com", alice);
        await db.Seeder.AddAliasAsync("a.smith@example.com", alice);
        await db.Seeder.AddAliasAsync("sales@example.com", "alice@example.com");   // alias -> alias -> alice
        await db.Seeder.AddAliasAsync("all-sales@example.com", "sales@example.com"); // two levels: not alice's
        await db.Seeder.AddAliasAsync("bob@example.com", bob);
        await db.Seeder.AddAliasAsync("outside@example.com", "someone@elsewhere.test"); // forward nobody owns
        await db.Seeder.AddAliasAsync("bob@example.com", "bob.private@elsewhere.test"); // bob's address also forwarded out
        using var source = db.CreateSource();

        var users = await ListAsync(source);

        Assert.Equal(new[] { "alice", "bob" }, users.Select(u => u.UserName));
        Assert.Equal(new[] { "a.smith@example.com", "alice@example.com", "sales@example.com" }, Single(users, "alice").EmailAddresses);
        Assert.Equal(new[] { "bob@example.com" }, Single(users, "bob").EmailAddresses);
        Assert.All(users, u => Assert.Null(u.FullName));
        Assert.All(users, u => Assert.Null(u.DistinguishedName));
    }

    [Fact]
    public async Task A_forward_to_an_outside_address_is_not_the_users_address()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        var carol = await db.Seeder.AddUserAsync("carol", "x");
        await db.Seeder.AddAliasAsync("carol@example.com", carol);
        // dbmail-users -x: carol's mail is also forwarded out; the outside address is a deliver_to, not an alias.
        await db.Seeder.AddAliasAsync("carol@example.com", "carol@gmail.test");
        using var source = db.CreateSource();

        var carolListed = Single(await ListAsync(source), "carol");

        Assert.Equal(new[] { "carol@example.com" }, carolListed.EmailAddresses);
    }

    [Fact]
    public async Task Inactive_users_are_omitted_by_default_and_listed_when_asked()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("active", "x");
        var dormant = await db.Seeder.AddUserAsync("dormant", "x", active: false);
        await db.Seeder.AddAliasAsync("dormant@example.com", dormant);

        using (var source = db.CreateSource())
            Assert.Equal(new[] { "active" }, (await ListAsync(source)).Select(u => u.UserName));

        using (var source = db.CreateSource(o => o.InactiveUsers = DbMailInactiveUsers.List))
        {
            var users = await ListAsync(source);
            Assert.Equal(new[] { "active", "dormant" }, users.Select(u => u.UserName));
            Assert.Equal(new[] { "dormant@example.com" }, Single(users, "dormant").EmailAddresses);
        }
    }

    [Fact]
    public async Task A_userid_that_is_an_address_is_listed_as_one_unless_switched_off()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        var dave = await db.Seeder.AddUserAsync("dave@example.com", "x");
        await db.Seeder.AddAliasAsync("d@example.com", dave);
        await db.Seeder.AddAliasAsync("DAVE@example.com", dave); // same as the userid, other case
        await db.Seeder.AddUserAsync("plainname", "x");

        using (var source = db.CreateSource())
        {
            var users = await ListAsync(source);
            Assert.Equal(new[] { "d@example.com", "dave@example.com" }, Single(users, "dave@example.com").EmailAddresses);
            Assert.Empty(Single(users, "plainname").EmailAddresses);
        }

        using (var source = db.CreateSource(o => o.IncludeUserIdAsAddress = false))
        {
            var addresses = Single(await ListAsync(source), "dave@example.com").EmailAddresses;
            Assert.Equal(new[] { "d@example.com", "DAVE@example.com" }, addresses);
        }
    }

    [Fact]
    public async Task Users_are_sorted_by_name_and_addresses_are_sorted_and_unique_ignoring_case()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        var zed = await db.Seeder.AddUserAsync("Zed", "x");
        await db.Seeder.AddUserAsync("adam", "x");
        await db.Seeder.AddUserAsync("Mike", "x");
        await db.Seeder.AddAliasAsync("z@example.com", zed);
        await db.Seeder.AddAliasAsync("Z@Example.com", zed);
        await db.Seeder.AddAliasAsync("b@example.com", zed);
        await db.Seeder.AddAliasAsync("fwd@example.com", "z@example.com");
        await db.Seeder.AddAliasAsync("fwd@example.com", "b@example.com"); // reaches zed twice
        using var source = db.CreateSource();

        var users = await ListAsync(source);

        Assert.Equal(new[] { "adam", "Mike", "Zed" }, users.Select(u => u.UserName));
        var addresses = Single(users, "Zed").EmailAddresses;
        Assert.Equal(3, addresses.Count);
        Assert.Equal("b@example.com", addresses[0]);
        Assert.Equal("fwd@example.com", addresses[1]);
        Assert.Equal("z@example.com", addresses[2].ToLowerInvariant());
    }

    [Fact]
    public async Task Built_in_accounts_stay_hidden_even_with_aliases_and_inactive_listing()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.ExecuteAsync(
            $"INSERT INTO {db.Prefix}aliases (alias, deliver_to) SELECT 'public@example.com', CAST(user_idnr AS VARCHAR) FROM {db.Prefix}users WHERE userid = '__public__'");
        await db.Seeder.AddUserAsync("erin", "x");
        using var source = db.CreateSource(o => o.InactiveUsers = DbMailInactiveUsers.List);

        Assert.Equal(new[] { "erin" }, (await ListAsync(source)).Select(u => u.UserName));
    }

    [Fact]
    public async Task Many_users_list_completely_with_the_right_addresses()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        var users = Enumerable.Range(1, 2000).Select(i => ((long)(1000 + i), $"user{i:D5}", "x", "")).ToList();
        var aliases = users.SelectMany(u => Enumerable.Range(0, (int)(u.Item1 % 3) + 1)
            .Select(k => ($"{u.Item2}.{k}@example.com", u.Item1.ToString()))).ToList();
        await db.Seeder.BulkLoadAsync(users, aliases);
        using var source = db.CreateSource();

        var listed = await ListAsync(source);

        Assert.Equal(2000, listed.Count);
        Assert.Equal(users.Select(u => u.Item2), listed.Select(u => u.UserName));
        Assert.Equal(aliases.Count, listed.Sum(u => u.EmailAddresses.Count));
        Assert.Equal(new[] { "user00001.0@example.com", "user00001.1@example.com", "user00001.2@example.com" },
            Single(listed, "user00001").EmailAddresses);
    }
}
