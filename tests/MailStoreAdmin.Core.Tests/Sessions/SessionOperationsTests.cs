using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Sessions;

public class SessionOperationsTests
{
    private sealed class Connection : IDisposable
    {
        public Connection(string name) => Name = name;
        public string Name { get; }
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
        public override string ToString() => Name;
    }

    [Fact]
    public async Task Connect_registers_the_default_and_writes_only_with_pass_thru()
    {
        var sessions = new ScopedConnections<Connection>();
        var scope = new object();
        var quiet = new RecordingContext();
        await SessionOperations.ConnectAsync((_, _) => Task.FromResult(new Connection("a")), sessions, scope, false, c => $"connected {c}", quiet, CancellationToken.None);
        Assert.Empty(quiet.Objects);
        Assert.Contains(quiet.Logs, l => l.Message == "connected a");

        var loud = new RecordingContext();
        await SessionOperations.ConnectAsync((_, _) => Task.FromResult(new Connection("b")), sessions, scope, true, c => $"connected {c}", loud, CancellationToken.None);
        Assert.Equal("b", loud.Single<Connection>().Name);
        Assert.Equal("b", sessions.GetDefault(scope)!.Name);
    }

    [Fact]
    public async Task A_failed_connect_registers_nothing()
    {
        var sessions = new ScopedConnections<Connection>();
        var scope = new object();
        await Assert.ThrowsAsync<TimeoutException>(() => SessionOperations.ConnectAsync<Connection>((_, _) => throw new TimeoutException(), sessions, scope, true,
            c => "", new RecordingContext(), CancellationToken.None));
        Assert.Empty(sessions.GetAll(scope));
    }

    [Fact]
    public async Task Disconnect_asks_first_then_closes_and_the_previous_connection_becomes_the_default()
    {
        var sessions = new ScopedConnections<Connection>();
        var scope = new object();
        var (a, b) = (new Connection("a"), new Connection("b"));
        sessions.Add(scope, a);
        sessions.Add(scope, b);

        var declined = new RecordingContext { Confirm = false };
        await SessionOperations.DisconnectAsync(b, sessions, scope, "MailStore", declined);
        Assert.False(b.Disposed);
        Assert.Equal(new[] { "Disconnect b" }, declined.ShouldProcessTargets);

        await SessionOperations.DisconnectAsync(b, sessions, scope, "MailStore", new RecordingContext());
        Assert.True(b.Disposed);
        Assert.Same(a, sessions.GetDefault(scope));

        var listed = new RecordingContext();
        await SessionOperations.GetAsync(sessions, scope, defaultOnly: false, listed);
        Assert.Equal(new[] { "a" }, listed.Of<Connection>().Select(c => c.Name));
    }
}
