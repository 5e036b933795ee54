using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.FakeServers.MailStore;

namespace MailStoreAdmin.Core.Tests.Users;

/// <summary>A fake with a few users, a connection, and what was sent after connecting.</summary>
internal sealed class UserFake : IAsyncDisposable
{
    private UserFake(FakeMailStoreServer server, MsConnection connection)
    {
        Server = server;
        Connection = connection;
    }

    public FakeMailStoreServer Server { get; }
    public MsConnection Connection { get; }

    public static async Task<UserFake> StartAsync(Action<FakeMailStoreOptions>? configure = null)
    {
        var server = await Fake.StartAsync(o =>
        {
            o.UserCount = 12;
            o.VerifySteps = 2;
            o.VerifyStepDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        return new UserFake(server, connection);
    }

    /// <summary>The functions invoked since connecting (or the last clear), in order.</summary>
    public List<string> Invoked() => Server.Calls.Where(c => c.Path.StartsWith("/api/invoke/", StringComparison.Ordinal)).Select(c => c.Function).ToList();

    /// <summary>Invoked functions that change something (everything but Get...).</summary>
    public List<string> Changes() => Invoked().Where(f => !f.StartsWith("Get", StringComparison.Ordinal)).ToList();

    public Task<MsUser> UserAsync(string name) => MsUserOperations.GetUserAsync(Connection, name, OperationContext.None, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}
