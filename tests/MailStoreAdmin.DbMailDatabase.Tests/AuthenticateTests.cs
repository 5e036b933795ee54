using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Integration;
using Xunit;

namespace MailStoreAdmin.DbMailDatabase.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class AuthenticateTests(PostgreSqlFixture postgres)
{
    private const string Password = "testpass";
    private const string Sha256OfPassword = "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c";

    private static Task<bool> AuthAsync(IDirectoryUserSource source, string user, string password) =>
        source.AuthenticateAsync(user, password, CancellationToken.None);

    // Vectors from shared/reference/integration-server.md §2.6 (password "testpass").
    [Theory]
    [InlineData("", "testpass")]
    [InlineData("md5sum", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("md5", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("md5", "$1$abcdefgh$6gJwl2Gq42UpQ648BHSDI0")]
    [InlineData("md5base64", "F5rUXGziy5fPECniEgRugQAAAAAAAAAA")]
    [InlineData("sha1", "206c80413b9a96c1312cc346b7d2517b84463edd")]
    [InlineData("sha256", Sha256OfPassword)]
    [InlineData("SHA256", Sha256OfPassword)]
    [InlineData("sha512", "78ddc8555bb1677ff5af75ba5fc02cb30bb592b0610277ae15055e189b77fe3fda496e5027a3d99ec85d54941adee1cc174b50438fdc21d82d0a79f85b58cf44")]
    [InlineData("whirlpool", "c61bcbfe58af1b47f0586a0f3a54f0a8ee1cd8e599dfe111febefcaf08cd6ce164dc7e356495e598acdf92bd0241770d7cc96986cc78b5f01e5631e2fba28c14")]
    [InlineData("tiger", "621148f40de2908fc763025a5ed0d6178468869ba130519b")]
    [InlineData("crypt", "abA5hjwYqm1.I")]
    [InlineData("crypt", "$6$saltsalt$UUTr6oVJTBk4azi0BmGqXvVgtbeWdSGG0b.P4dfxLVqqVmSL7RQXfoGFlx0.Jkt3Q2nsKyrc.M/cKE2XOCLN70")]
    public async Task Each_encryption_type_accepts_the_password_and_refuses_another(string encryptionType, string stored)
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("frank", stored, encryptionType);
        using var source = db.CreateSource();

        Assert.True(await AuthAsync(source, "frank", Password));
        Assert.False(await AuthAsync(source, "frank", "testpasS"));
        Assert.False(await AuthAsync(source, "frank", "testpas")); // not "testpass ": DES crypt reads only 8 characters
    }

    [Fact]
    public async Task Login_name_is_found_ignoring_case()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("Grace@Example.com", Sha256OfPassword, "sha256");
        using var source = db.CreateSource();

        Assert.True(await AuthAsync(source, "grace@example.com", Password));
        Assert.True(await AuthAsync(source, "GRACE@EXAMPLE.COM", Password));
    }

    [Fact]
    public async Task When_two_accounts_differ_only_in_case_the_exact_spelling_is_checked()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("heidi", Sha256OfPassword, "sha256");
        await db.Seeder.AddUserAsync("Heidi", "other-plaintext", "");
        using var source = db.CreateSource();

        Assert.True(await AuthAsync(source, "heidi", Password));
        Assert.False(await AuthAsync(source, "Heidi", Password));
        Assert.True(await AuthAsync(source, "Heidi", "other-plaintext"));
    }

    [Fact]
    public async Task Inactive_user_is_refused_even_with_the_right_password()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("ivan", Sha256OfPassword, "sha256", active: false);
        using var source = db.CreateSource(o => o.InactiveUsers = DbMailInactiveUsers.List);

        Assert.False(await AuthAsync(source, "ivan", Password));
    }

    [Fact]
    public async Task The_duress_password_spasswd_never_logs_in()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("judy", "real-secret", "", spasswd: Password);
        await db.Seeder.AddUserAsync("judy2", Sha256OfPassword.Replace('1', '2'), "sha256", spasswd: Sha256OfPassword);
        using var source = db.CreateSource();

        Assert.False(await AuthAsync(source, "judy", Password));
        Assert.False(await AuthAsync(source, "judy2", Password));
        Assert.True(await AuthAsync(source, "judy", "real-secret"));
    }

    [Fact]
    public async Task Unknown_user_empty_name_and_empty_password_are_refused()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("empty", "", "");
        using var source = db.CreateSource();

        Assert.False(await AuthAsync(source, "nobody", Password));
        Assert.False(await AuthAsync(source, "", Password));
        Assert.False(await AuthAsync(source, "empty", ""));
    }

    [Theory]
    [InlineData("__public__")]
    [InlineData("__PUBLIC__")]
    [InlineData("anyone")]
    [InlineData("__@!internal_delivery_user!@__")]
    public async Task Built_in_accounts_never_log_in_even_with_a_password_set(string builtIn)
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.ExecuteAsync(
            $"UPDATE {db.Prefix}users SET passwd = '{Sha256OfPassword}', encryption_type = 'sha256' WHERE lower(userid) = lower('{builtIn}')");
        using var source = db.CreateSource();

        Assert.False(await AuthAsync(source, builtIn, Password));
    }

    [Fact]
    public async Task Parallel_first_calls_share_one_schema_probe_and_all_answer_right()
    {
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("kim", Sha256OfPassword, "sha256");
        using var source = db.CreateSource();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => AuthAsync(source, i % 2 == 0 ? "kim" : "KIM", i % 4 < 2 ? Password : "wrong"))));

        for (var i = 0; i < results.Length; i++) Assert.Equal(i % 4 < 2, results[i]);
    }

    [Fact]
    public async Task A_scheme_this_module_cannot_check_is_refused_with_a_warning_that_holds_no_hash()
    {
        const string yescrypt = "$y$j9T$abcdefghijklmnopqrstuv$0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcde";
        var db = await postgres.NewDbMailDatabaseAsync();
        await db.Seeder.AddUserAsync("yes", yescrypt, "crypt");
        await db.Seeder.AddUserAsync("odd", "testpass", "plaintext"); // dbmail has no branch for this name
        await db.Seeder.AddUserAsync("fine", Sha256OfPassword, "sha256");
        var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var source = db.CreateSource(o => o.Warning = warnings.Enqueue);

        Assert.False(await AuthAsync(source, "yes", Password));
        Assert.False(await AuthAsync(source, "odd", Password));
        Assert.False(await AuthAsync(source, "fine", "wrong"));

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("'yes'") && w.Contains("'$y$'"));
        Assert.Contains(warnings, w => w.Contains("'odd'") && w.Contains("'plaintext'"));
        Assert.All(warnings, w => Assert.DoesNotContain("j9T", w));
        Assert.All(warnings, w => Assert.DoesNotContain(Password, w));
    }
}
