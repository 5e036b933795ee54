using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.DbMail;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.FakeServers.DbMail;

namespace MailStoreAdmin.Core.Tests.DbMail;

/// <summary>A fresh loopback dbmail-api fake per test, with a connected client.</summary>
internal sealed class DbMailFixture : IAsyncDisposable
{
    public const string SecKey = "peer-secret";

    private DbMailFixture(FakeDbMailApiServer server, DbMailConnection connection)
    {
        Server = server;
        Connection = connection;
    }

    public FakeDbMailApiServer Server { get; }
    public DbMailConnection Connection { get; }
    public RecordingContext Observer { get; } = new();
    public CancellationToken None => CancellationToken.None;

    public static async Task<DbMailFixture> StartAsync(Action<FakeDbMailOptions>? configure = null)
    {
        var options = new FakeDbMailOptions { SecKey = SecKey };
        configure?.Invoke(options);
        var server = await FakeDbMailApiServer.StartAsync(options);
        var connection = await DbMailConnection.ConnectAsync(Settings(server), OperationContext.None, CancellationToken.None);
        server.ClearCalls();
        return new DbMailFixture(server, connection);
    }

    public static DbMailConnectionSettings Settings(FakeDbMailApiServer server, string key = SecKey, string? path = null) =>
        new(path == null ? server.Uri : new Uri(server.Uri, path), key)
        {
            AllowUnencryptedAuthentication = server.Uri.Scheme == "http",
            CertificatePolicy = server.Uri.Scheme == "https" ? CertificatePolicy.Skip : CertificatePolicy.Validate,
        };

    /// <summary>Routes that change something on the server (everything but the four reads).</summary>
    public IEnumerable<string> ChangesSent() =>
        Server.Calls.Select(c => c.Path.TrimStart('/')).Where(r => !DbMailRoutes.IsReadOnly(r));

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}
