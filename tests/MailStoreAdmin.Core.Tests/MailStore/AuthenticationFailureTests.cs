using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

/// <summary>HTTP 401 from MailStore: the message names the likely causes and a recommended action is attached.</summary>
public class AuthenticationFailureTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Http_401_names_the_likely_causes_and_recommends_an_action(bool serviceProvider)
    {
        await using var server = await Fake.StartAsync(o => o.ServiceProvider = serviceProvider);
        var settings = Fake.Settings(server, "Wr0ng-Secret");
        settings.ServiceProvider = serviceProvider;
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsConnection.ConnectAsync(settings, null, CancellationToken.None));

        Assert.Equal("MailStoreAuthenticationFailed", e.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
        Assert.Contains("HTTP 401", e.Message);
        Assert.Contains("'admin'", e.Message);
        Assert.Contains("wrong user name or password", e.Message);
        Assert.Contains("'api' login privilege", e.Message);
        Assert.Contains("MFA", e.Message);
        Assert.Contains("API password", e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.RecommendedAction));
        Assert.Contains("API password", e.RecommendedAction);
        Assert.DoesNotContain("Wr0ng-Secret", e.ToString());
    }

    [Fact]
    public async Task Every_call_on_a_connection_whose_credentials_stop_working_gets_the_same_explanation()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.Options.Password = "changed-on-the-server";
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            connection.InvokeAsync("GetStores", null, null, null, CancellationToken.None));
        Assert.Equal("MailStoreAuthenticationFailed", e.ErrorId);
        Assert.Contains("'api' login privilege", e.Message);
        Assert.NotNull(e.RecommendedAction);
    }
}
