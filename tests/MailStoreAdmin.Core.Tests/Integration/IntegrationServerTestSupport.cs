using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Server;

namespace MailStoreAdmin.Core.Tests.Integration;

/// <summary>An in-memory user source whose calls can be counted, delayed, hung or made to fail.</summary>
internal sealed class FakeUserSource : IDirectoryUserSource
{
    private int _listCalls;
    private int _authCalls;

    public List<DirectoryUser> Users { get; } = new();
    public Dictionary<string, string> Passwords { get; } = new();
    public Exception? ListFailure { get; set; }
    public Exception? AuthFailure { get; set; }
    /// <summary>When set, cmd=list waits for it and ignores cancellation (a hung backend).</summary>
    public TaskCompletionSource? ListGate { get; set; }
    public TaskCompletionSource? AuthGate { get; set; }
    public TaskCompletionSource ListStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public ConcurrentQueue<(string User, string Password)> AuthArguments { get; } = new();

    public int ListCalls => Volatile.Read(ref _listCalls);
    public int AuthCalls => Volatile.Read(ref _authCalls);
    public string Description => "fake source";

    public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listCalls);
        ListStarted.TrySetResult();
        if (ListGate != null) await ListGate.Task;
        if (ListFailure != null) throw ListFailure;
        return Users.ToArray();
    }

    public async Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _authCalls);
        AuthArguments.Enqueue((userName, password));
        if (AuthGate != null) await AuthGate.Task;
        if (AuthFailure != null) throw AuthFailure;
        return Passwords.TryGetValue(userName, out var expected) && expected == password;
    }

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

internal sealed class RecordingLogger : IntegrationServerLogger
{
    public ConcurrentQueue<IntegrationRequestRecord> Requests { get; } = new();
    public ConcurrentQueue<IntegrationServerEvent> Events { get; } = new();

    public override void OnRequest(IntegrationRequestRecord record) => Requests.Enqueue(record);

    public override void OnEvent(IntegrationServerEvent serverEvent) => Events.Enqueue(serverEvent);

    /// <summary>Records are logged once a response has been sent, so a client may see its answer a moment earlier.</summary>
    public async Task<IntegrationRequestRecord[]> WaitForRequestsAsync(int count)
    {
        for (var i = 0; i < 500 && Requests.Count < count; i++) await Task.Delay(10);
        return Requests.ToArray();
    }

    /// <summary>Every log line and every record property, for scanning for secrets.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var r in Requests)
        {
            text.AppendLine(r.ToString());
            text.AppendLine(string.Join("|", r.Method, r.Path, r.Command, r.UserName, r.Error, r.RemoteAddress));
        }
        foreach (var e in Events) text.AppendLine(e.ToString()).AppendLine(e.Message);
        return text.ToString();
    }
}

/// <summary>A started server with its source and log, plus ways to talk to it.</summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    public const string CallerUser = "mailstore";
    public const string CallerPassword = "Caller-Pw-8d1f!";

    private ServerUnderTest(IntegrationServer server, FakeUserSource source, RecordingLogger log)
    {
        Server = server;
        Source = source;
        Log = log;
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { BaseAddress = server.Url };
    }

    public IntegrationServer Server { get; }
    public FakeUserSource Source { get; }
    public RecordingLogger Log { get; }
    public HttpClient Client { get; }
    public IPEndPoint Loopback => new(IPAddress.Loopback, Server.Endpoint.Port);

    public static ServerUnderTest Start(Action<IntegrationServerOptions>? configure = null, FakeUserSource? source = null)
    {
        var options = new IntegrationServerOptions { CallerCredential = new NetworkCredential(CallerUser, CallerPassword) };
        configure?.Invoke(options);
        source ??= new FakeUserSource();
        var log = new RecordingLogger();
        return new ServerUnderTest(IntegrationServer.Start(options, source, log), source, log);
    }

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] fields) =>
        PostAsync(Basic(CallerUser, CallerPassword), fields);

    public Task<HttpResponseMessage> PostAsync(AuthenticationHeaderValue? authorization, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mailstore-integration/index.php")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Authorization = authorization;
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
    }
}

internal sealed record RawResponse(int Status, Dictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A plain TCP connection for requests HttpClient refuses to send.</summary>
internal sealed class RawConnection : IDisposable
{
    private readonly TcpClient _client = new();
    private readonly List<byte> _pending = new();
    private Stream _stream = Stream.Null;

    public static async Task<RawConnection> OpenAsync(IPEndPoint endpoint)
    {
        var connection = new RawConnection();
        await connection._client.ConnectAsync(endpoint);
        connection._stream = connection._client.GetStream();
        return connection;
    }

    public static string AuthorizationLine =>
        "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ServerUnderTest.CallerUser + ":" + ServerUnderTest.CallerPassword)) + "\r\n";

    /// <summary>A well-formed authenticated POST of a form body.</summary>
    public static string Post(string body, string extraHeaders = "") =>
        "POST / HTTP/1.1\r\nHost: localhost\r\n" + AuthorizationLine +
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n" + extraHeaders + "\r\n" + body;

    public async Task SendAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await _stream.WriteAsync(bytes);
    }

    public async Task<RawResponse> ExchangeAsync(string request)
    {
        await SendAsync(request);
        return await ReadResponseAsync();
    }

    /// <summary>One response, framed by its Content-Length.</summary>
    public async Task<RawResponse> ReadResponseAsync()
    {
        var headEnd = await FillUntilAsync(() => IndexOfHeadEnd());
        var head = Encoding.ASCII.GetString(_pending.GetRange(0, headEnd).ToArray());
        _pending.RemoveRange(0, headEnd + 4);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value) : 0;
        await FillUntilAsync(() => _pending.Count >= length ? length : -1);
        var body = Encoding.UTF8.GetString(_pending.GetRange(0, length).ToArray());
        _pending.RemoveRange(0, length);
        return new RawResponse(status, headers, body);
    }

    /// <summary>True when the server closed the connection (after a reset too).</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        if (_pending.Count > 0) return false;
        try
        {
            var buffer = new byte[1];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _stream.ReadAsync(buffer, timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private int IndexOfHeadEnd()
    {
        for (var i = 0; i + 3 < _pending.Count; i++)
        {
            if (_pending[i] == '\r' && _pending[i + 1] == '\n' && _pending[i + 2] == '\r' && _pending[i + 3] == '\n') return i;
        }
        return -1;
    }

    private async Task<int> FillUntilAsync(Func<int> found)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var index = found();
            if (index >= 0) return index;
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) throw new EndOfStreamException("the server closed the connection before a full response");
            _pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }
    }

    public void Dispose() => _client.Dispose();
}
