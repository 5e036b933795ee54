using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.FakeServers.MailStore;

namespace MailStoreAdmin.Core.Tests.Spe;

internal static class Spe
{
    /// <summary>A fake SPE Management API with quick task transitions.</summary>
    public static Task<FakeMailStoreServer> StartAsync(Action<FakeMailStoreOptions>? configure = null) => Fake.StartAsync(o =>
    {
        o.ServiceProvider = true;
        o.SpeTransitionDelay = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(o);
    });

    /// <summary>Connects without saying it is SPE: the edition comes from the metadata.</summary>
    public static async Task<MsConnection> ConnectAsync(FakeMailStoreServer server, string? instanceId = null)
    {
        var settings = Fake.Settings(server);
        settings.InstanceId = instanceId;
        settings.StatusWaitMilliseconds = 200;
        var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None);
        server.ClearCalls();
        return connection;
    }

    public static int CallsTo(FakeMailStoreServer server, string function) => server.CallsTo("/" + function).Count();
}
