using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Hosting;
using MailStoreAdmin.Core.Integration.Server;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public sealed class HostingTests
{
    private static IntegrationServerOptions Options() => new()
    {
        Port = 0,
        CallerCredential = new NetworkCredential("mailstore", "Caller-Secret-1"),
    };

    private static async Task<HttpResponseMessage> PostAsync(MsIntegrationServer server, string body)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("mailstore:Caller-Secret-1")));
        return await client.PostAsync(server.Url, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
    }

    [Fact]
    public async Task Requests_are_logged_to_the_file_and_recent_lines_without_passwords_and_stop_disposes_the_source()
    {
        var path = Path.GetTempFileName();
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("jane", emailAddresses: new[] { "jane@example.test" }));
        source.Passwords["jane"] = "Jane-Secret-9";
        var server = await MsIntegrationServer.StartAsync(Options(), source, path, CancellationToken.None);
        try
        {
            Assert.True(server.IsRunning);
            (await PostAsync(server, "cmd=list")).EnsureSuccessStatusCode();
            Assert.Equal("{\"succeeded\":true}", await (await PostAsync(server, "cmd=auth&user=jane&pass=Jane-Secret-9")).Content.ReadAsStringAsync());
            // The count is taken after the response is written, so under load the client can be a moment ahead.
            for (var wait = 0; wait < 100 && server.RequestsServed < 2; wait++) await Task.Delay(50);
            Assert.Equal(2, server.RequestsServed);
        }
        finally
        {
            await server.StopAsync();
        }
        Assert.False(server.IsRunning);
        Assert.True(source.Disposed);
        var text = File.ReadAllText(path);
        File.Delete(path);
        Assert.Contains("cmd=list", text);
        Assert.Contains("user=\"jane\"", text);
        foreach (var log in new[] { text, string.Join("\n", server.RecentLog) })
        {
            Assert.DoesNotContain("Jane-Secret-9", log);
            Assert.DoesNotContain("Caller-Secret-1", log);
        }
    }

    [Fact]
    public async Task A_failed_start_disposes_the_source_and_leaves_nothing_listening()
    {
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("jane"));
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsIntegrationServer.StartAsync(new IntegrationServerOptions { Port = 0 }, source, (string?)null, CancellationToken.None));
        Assert.Equal("IntegrationServerNoCallerCredential", e.ErrorId);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task An_unwritable_log_file_is_a_clear_error_before_listening()
    {
        var source = new FakeUserSource();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsIntegrationServer.StartAsync(Options(), source, "/proc/no/such/dir/ai.log", CancellationToken.None));
        Assert.Equal("IntegrationLogFileUnavailable", e.ErrorId);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task A_source_that_cannot_list_fails_the_start_before_anything_listens()
    {
        var source = new FakeUserSource { ListFailure = new MailStoreAdminException(ErrorKind.ConnectionError, "DbMailDatabaseError", "database down") };
        var log = new IntegrationLog(null);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsIntegrationServer.StartAsync(Options(), source, log, CancellationToken.None));
        Assert.Equal("DbMailDatabaseError", e.ErrorId);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task Source_warnings_reach_the_log_and_the_warning_queue_once()
    {
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("jane"));
        var log = new IntegrationLog(null);
        var server = await MsIntegrationServer.StartAsync(Options(), source, log, CancellationToken.None);
        try
        {
            log.Warn("jane: password scheme $y$ cannot be checked");
            Assert.True(server.TryDequeueWarning(out var warning));
            Assert.Contains("$y$", warning);
            Assert.False(server.TryDequeueWarning(out _));
            Assert.Contains(server.RecentLog, l => l.Contains("WARNING") && l.Contains("$y$"));
            Assert.Contains(server.RecentLog, l => l.Contains("lists 1 users"));
        }
        finally
        {
            await server.StopAsync();
        }
    }

    [Fact]
    public void A_dbmail_login_replaces_any_login_in_the_connection_string()
    {
        var text = DbMailSourceLoader.WithLogin("Host=db;Database=dbmail;User ID=old;Password=old-pw", new NetworkCredential("reader", "New;Pw=x"));
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = text };
        Assert.Equal("reader", builder["Username"]);
        Assert.Equal("New;Pw=x", builder["Password"]);
        Assert.False(builder.ContainsKey("User ID"));
        Assert.Equal("db", builder["Host"]);
        Assert.Equal("Host=db;Database=dbmail", DbMailSourceLoader.WithLogin("Host=db;Database=dbmail", null));
    }
}
