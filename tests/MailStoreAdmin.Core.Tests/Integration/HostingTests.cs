using MailStoreAdmin.Core.Operations;
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

    /// <summary>Start-MsIntegrationServer -PassThru: the server the operation writes.</summary>
    private static async Task<MsIntegrationServer> StartInBackgroundAsync(IDirectoryUserSource source, string? logPath = null, RecordingContext? context = null)
    {
        context ??= new RecordingContext();
        await IntegrationServerOperations.StartAsync(Options(), logPath, _ => source, background: true, context, CancellationToken.None);
        return context.Single<MsIntegrationServer>();
    }

    [Fact]
    public async Task Requests_are_logged_to_the_file_and_recent_lines_without_passwords_and_stop_disposes_the_source()
    {
        var path = Path.GetTempFileName();
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("jane", emailAddresses: new[] { "jane@example.test" }));
        source.Passwords["jane"] = "Jane-Secret-9";
        var server = await StartInBackgroundAsync(source, path);
        try
        {
            Assert.True(server.IsRunning);
            Assert.Contains(server, IntegrationServerRegistry.All);
            (await PostAsync(server, "cmd=list")).EnsureSuccessStatusCode();
            Assert.Equal("{\"succeeded\":true}", await (await PostAsync(server, "cmd=auth&user=jane&pass=Jane-Secret-9")).Content.ReadAsStringAsync());
            // The count is taken after the response is written, so under load the client can be a moment ahead.
            for (var wait = 0; wait < 100 && server.RequestsServed < 2; wait++) await Task.Delay(50);
            Assert.Equal(2, server.RequestsServed);
        }
        finally
        {
            await IntegrationServerOperations.StopAsync(new[] { server }, new RecordingContext());
        }
        Assert.False(server.IsRunning);
        Assert.DoesNotContain(server, IntegrationServerRegistry.All);
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
    public async Task Bad_options_are_refused_before_a_source_or_log_is_opened_and_nothing_listens()
    {
        var created = false;
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => IntegrationServerOperations.StartAsync(
            new IntegrationServerOptions { Port = 0 }, null, _ => { created = true; return new FakeUserSource(); }, true, new RecordingContext(), CancellationToken.None));
        Assert.Equal("IntegrationServerNoCallerCredential", e.ErrorId);
        Assert.False(created);
    }

    [Fact]
    public async Task What_if_starts_nothing()
    {
        var context = new RecordingContext { Confirm = false };
        var created = false;
        await IntegrationServerOperations.StartAsync(Options(), null, _ => { created = true; return new FakeUserSource(); }, true, context, CancellationToken.None);
        Assert.False(created);
        Assert.Empty(context.Objects);
        Assert.Contains(context.ShouldProcessTargets, t => t.StartsWith("Start the MailStore integration server http://127.0.0.1:0/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unwritable_log_file_is_a_clear_error_before_the_source_is_opened()
    {
        var created = false;
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => IntegrationServerOperations.StartAsync(
            Options(), "/proc/no/such/dir/ai.log", _ => { created = true; return new FakeUserSource(); }, true, new RecordingContext(), CancellationToken.None));
        Assert.Equal("IntegrationLogFileUnavailable", e.ErrorId);
        Assert.False(created);
    }

    [Fact]
    public async Task A_source_that_cannot_list_fails_the_start_before_anything_listens()
    {
        var source = new FakeUserSource { ListFailure = new MailStoreAdminException(ErrorKind.ConnectionError, "DbMailDatabaseError", "database down") };
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => StartInBackgroundAsync(source));
        Assert.Equal("DbMailDatabaseError", e.ErrorId);
        Assert.True(source.Disposed);
        Assert.DoesNotContain(IntegrationServerRegistry.All, s => s.Source == source.Description);
    }

    [Fact]
    public async Task In_the_foreground_log_lines_are_verbose_source_warnings_are_warnings_and_stopping_stops_the_server()
    {
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("jane"));
        Action<string>? warn = null;
        var context = new RecordingContext();
        using var stop = new CancellationTokenSource();
        var serving = IntegrationServerOperations.StartAsync(Options(), null, w => { warn = w; return source; }, background: false, context, stop.Token);
        MsIntegrationServer? server = null;
        for (var wait = 0; wait < 200 && server == null; wait++)
        {
            await Task.Delay(25);
            server = IntegrationServerRegistry.All.FirstOrDefault(s => s.Source == source.Description);
        }
        Assert.NotNull(server);

        warn!("jane: password scheme $y$ cannot be checked");
        (await PostAsync(server!, "cmd=list")).EnsureSuccessStatusCode();
        for (var wait = 0; wait < 100 && !context.Logs.Any(l => l.Message.Contains("cmd=list")); wait++) await Task.Delay(50);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => serving);

        Assert.Single(context.Warnings, w => w.Contains("$y$"));
        Assert.Contains(server!.RecentLog, l => l.Contains("WARNING") && l.Contains("$y$"));
        Assert.Contains(context.Logs, l => l.Level == LogLevel.Verbose && l.Message.Contains("cmd=list"));
        Assert.Contains(context.Logs, l => l.Level == LogLevel.Information && l.Message.Contains(server.Url.ToString()));
        Assert.False(server.IsRunning);
        Assert.True(source.Disposed);
        Assert.DoesNotContain(server, IntegrationServerRegistry.All);
    }

    [Fact]
    public void A_dbmail_login_replaces_any_login_in_the_connection_string()
    {
        var text = DbMailDatabaseSourceLoader.WithLogin("Host=db;Database=dbmail;User ID=old;Password=old-pw", new NetworkCredential("reader", "New;Pw=x"));
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = text };
        Assert.Equal("reader", builder["Username"]);
        Assert.Equal("New;Pw=x", builder["Password"]);
        Assert.False(builder.ContainsKey("User ID"));
        Assert.Equal("db", builder["Host"]);
        Assert.Equal("Host=db;Database=dbmail", DbMailDatabaseSourceLoader.WithLogin("Host=db;Database=dbmail", null));
    }
}
