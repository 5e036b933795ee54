using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.DbMail;
using MailStoreAdmin.Core.DbMail.Operations;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.FakeServers.DbMail;
using Xunit;

namespace MailStoreAdmin.Core.Tests.DbMail;

public sealed class DbMailConnectionTests
{
    [Fact]
    public async Task Connect_proves_the_key_with_a_read_and_sends_it_as_a_form_field()
    {
        await using var fake = await FakeDbMailApiServer.StartAsync();
        using var connection = await DbMailConnection.ConnectAsync(DbMailFixture.Settings(fake), OperationContext.None, CancellationToken.None);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("/isUserPresent", call.Path);
        Assert.Equal(DbMailFixture.SecKey, call.Form["secKey"]);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType);
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_error_that_never_shows_the_key()
    {
        await using var fake = await FakeDbMailApiServer.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            DbMailConnection.ConnectAsync(DbMailFixture.Settings(fake, "wrong-key-123"), OperationContext.None, CancellationToken.None));
        Assert.Equal("DbMailSecurityKeyRejected", e.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
        Assert.Contains("security key", e.Message);
        Assert.DoesNotContain("wrong-key-123", e.ToString());
    }

    [Fact]
    public async Task A_uri_that_is_not_dbmail_api_says_so()
    {
        await using var fake = await FakeDbMailApiServer.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            DbMailConnection.ConnectAsync(DbMailFixture.Settings(fake, path: "webmail/api/"), OperationContext.None, CancellationToken.None));
        Assert.Equal("DbMailEndpointNotFound", e.ErrorId);
        Assert.Contains("does not look like a dbmail-api endpoint", e.Message);
    }

    [Fact]
    public async Task Plain_http_is_refused_because_the_key_travels_in_the_body()
    {
        await using var fake = await FakeDbMailApiServer.StartAsync();
        var settings = DbMailFixture.Settings(fake);
        settings.AllowUnencryptedAuthentication = false;
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailConnection.ConnectAsync(settings, OperationContext.None, CancellationToken.None));
        Assert.Equal("UnencryptedAuthenticationRefused", e.ErrorId);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Https_with_a_pinned_certificate_works()
    {
        await using var fake = await FakeDbMailApiServer.StartAsync(new FakeDbMailOptions { Tls = true });
        var settings = new DbMailConnectionSettings(fake.Uri, "peer-secret") { CertificatePolicy = CertificatePolicy.Pin(fake.Thumbprint!) };
        using var connection = await DbMailConnection.ConnectAsync(settings, OperationContext.None, CancellationToken.None);
        Assert.True(await DbMailUserOperations.ExistsAsync(connection, "nobody", OperationContext.None, CancellationToken.None) is false);
    }

    [Fact]
    public async Task A_400_names_the_fields_that_were_sent()
    {
        await using var f = await DbMailFixture.StartAsync();
        var form = new DbMailForm(DbMailRoutes.CreateUser, "carol").Add("userName", "carol");
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => f.Connection.CallAsync(form, f.Observer, f.None));
        Assert.Equal("DbMailInvalidInput", e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("fields sent: secKey, userName", e.Message);
    }

    [Fact]
    public async Task A_500_echoing_the_command_line_has_the_password_and_key_scrubbed_also_in_shell_quoting()
    {
        await using var f = await DbMailFixture.StartAsync();
        const string password = "it's-S3cret";
        var form = new DbMailForm(DbMailRoutes.ChangePassword, "nobody").Add("userName", "nobody").AddSecret("password", password);
        var context = new RecordingContext(debug: true);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => f.Connection.CallAsync(form, context, f.None));
        Assert.Equal("DbMailApiCallFailed", e.ErrorId);
        Assert.Contains("does not exist", e.Message);
        Assert.Contains("-w '***'", e.Message);
        foreach (var text in new[] { e.ToString(), context.AllText() })
        {
            Assert.DoesNotContain("S3cret", text);
            Assert.DoesNotContain(DbMailFixture.SecKey, text);
        }
    }

    [Fact]
    public async Task Php_warnings_before_the_json_and_php5_numeric_strings_are_tolerated()
    {
        await using var f = await DbMailFixture.StartAsync(o => { o.PhpWarnings = true; o.NumbersAsStrings = true; });
        f.Server.AddUser("alice", unread: 3);
        var count = await f.Observer.Result<DbMailUnreadCount>(c => DbMailUserOperations.GetUnreadCountAsync(f.Connection, "alice", c, f.None));
        Assert.Equal(3, count!.UnreadCount);
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "remote@example.test", "pw", true, c, f.None));
        var rule = Assert.Single(await f.Observer.Results<DbMailFetchRule>(c => DbMailFetchRuleOperations.ListAsync(f.Connection, "alice", null, c, f.None)));
        Assert.True(rule.DeleteAfterFetch);
    }

    [Fact]
    public async Task Debug_output_masks_pop3_passwords_in_listed_rules()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "remote@example.test", "Pop3-Secret", false, c, f.None));
        var context = new RecordingContext(debug: true);
        await context.Results<DbMailFetchRule>(c => DbMailFetchRuleOperations.ListAsync(f.Connection, "alice", null, c, f.None));
        Assert.Contains("listGetMailRules", context.AllText());
        Assert.DoesNotContain("Pop3-Secret", context.AllText());
        Assert.DoesNotContain(DbMailFixture.SecKey, context.AllText());
    }

    [Theory]
    [InlineData("1000", true)]
    [InlineData(" 1e3 ", true)]
    [InlineData("+10.5", true)]
    [InlineData("peer-secret", false)]
    [InlineData("1000a", false)]
    public void Numeric_looking_keys_are_recognised(string key, bool numeric) =>
        Assert.Equal(numeric, new DbMailConnectionSettings(new Uri("https://mail.example.test/"), key).SecurityKeyLooksNumeric);
}
