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
        var server = MsIntegrationServer.Start(Options(), source, path);
        try
        {
            Assert.True(server.IsRunning);
            (await PostAsync(server, "cmd=list")).EnsureSuccessStatusCode();
            Assert.Equal("{\"succeeded\":true}", await (await PostAsync(server, "cmd=auth&user=jane&pass=Jane-Secret-9")).Content.ReadAsStringAsync());
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
    public void A_failed_start_disposes_the_source_and_leaves_nothing_listening()
    {
        var source = new FakeUserSource();
        var e = Assert.Throws<MailStoreAdminException>(() => MsIntegrationServer.Start(new IntegrationServerOptions { Port = 0 }, source, null));
        Assert.Equal("IntegrationServerNoCallerCredential", e.ErrorId);
        Assert.True(source.Disposed);
    }

    [Fact]
    public void An_unwritable_log_file_is_a_clear_error_before_listening()
    {
        var source = new FakeUserSource();
        var e = Assert.Throws<MailStoreAdminException>(() => MsIntegrationServer.Start(Options(), source, "/proc/no/such/dir/ai.log"));
        Assert.Equal("IntegrationLogFileUnavailable", e.ErrorId);
        Assert.True(source.Disposed);
    }
}
