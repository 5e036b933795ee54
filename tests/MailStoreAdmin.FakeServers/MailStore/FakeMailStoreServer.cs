using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// A MailStore Administration API on loopback that follows the documented protocol: Basic auth (401), 411 without
/// Content-Length, a UTF-8 BOM before every JSON body, failed envelopes with HTTP 200, long-running tasks with
/// tokens, long-polled get-status with statusVersion and incremental logOutput, cancel-async, and get-metadata.
/// Every request is recorded so tests can assert what was (and was not) sent.
/// </summary>
public sealed class FakeMailStoreServer : IAsyncDisposable
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };
    private readonly FakeMailStoreOptions _options;
    private readonly FakeMailStoreData _data;
    private readonly FakeDirectoryServices _directory;
    private readonly FakeSpeData _spe;
    private int _invokesInFlight;
    private int _maxInvokesInFlight;
    private readonly ConcurrentDictionary<string, FakeTask> _tasks = new();
    private readonly FakeFunctionTable _functions = new();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private LoopbackHost? _host;
    private int _userInfoInFlight;
    private int _maxUserInfoInFlight;

    /// <summary>The most GetUserInfo requests the fake has served at the same time.</summary>
    public int MaxConcurrentUserInfo => Volatile.Read(ref _maxUserInfoInFlight);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    public FakeMailStoreServer(FakeMailStoreOptions? options = null)
    {
        _options = options ?? new FakeMailStoreOptions();
        _data = new FakeMailStoreData(_options);
        _directory = new FakeDirectoryServices(_data);
        Accounts = new FakeUserAccounts(_data, _options.UserCount);
        Folders = new FakeArchiveFolders(_options.UserCount);
        // One line per area of the API; each area lives in its own file.
        IFakeFunctions[] areas = { new FakeCoreFunctions(this), StoreArea = new FakeStoreFunctions(this), new FakeMonitoringFunctions(this), new FakeUserFunctions(this), new FakeFolderFunctions(this), new FakeSpeFunctions(this) };
        _spe = new FakeSpeData(_options);
        foreach (var area in areas) area.Register(_functions);
    }

    public Uri Uri => _host?.Uri ?? throw new InvalidOperationException("Not started.");
    public string? Thumbprint => _host?.Thumbprint;
    public FakeMailStoreOptions Options => _options;
    public FakeDirectoryServices DirectoryServices => _directory;
    public FakeMailStoreData Data => _data;

    /// <summary>The store, maintenance, compliance and retention functions (their settings, for assertions).</summary>
    public FakeStoreFunctions StoreArea { get; private set; } = null!;
    public FakeUserAccounts Accounts { get; }
    public FakeArchiveFolders Folders { get; }
    /// <summary>SPE state: instances, hosts, administrators, ...</summary>
    public FakeSpeData Spe => _spe;

    /// <summary>The most invokes the fake has served at the same time.</summary>
    public int MaxConcurrentInvokes => Volatile.Read(ref _maxInvokesInFlight);
    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    /// <summary>Every task started so far, to check how it ended.</summary>
    public IReadOnlyCollection<FakeTask> Tasks => _tasks.Values.ToArray();
    public IEnumerable<RecordedCall> CallsTo(string path) => _calls.Where(c => c.Path.EndsWith(path, StringComparison.Ordinal));
    public void ClearCalls() => _calls.Clear();

    public static async Task<FakeMailStoreServer> StartAsync(FakeMailStoreOptions? options = null)
    {
        var server = new FakeMailStoreServer(options);
        server._host = await LoopbackHost.StartAsync(server.HandleAsync, server._options.Tls, server._options.Port);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_fake/", StringComparison.Ordinal))
        {
            await HandleControlAsync(context, path);
            return;
        }
        var hasLength = request.ContentLength.HasValue;
        var form = hasLength ? await ReadFormAsync(request) : new Dictionary<string, string>();
        var call = new RecordedCall(request.Method, path, form, hasLength, request.Headers.Authorization.ToString(),
            request.ContentType);
        _calls.Enqueue(call);

        if (!hasLength && request.Method == "POST")
        {
            // What HTTP.sys answers to a body-less POST without Content-Length.
            await WriteTextAsync(context, 411, "text/html", "<h1>Length Required</h1>");
            return;
        }
        var isMetadata = path == "/api/get-metadata";
        if ((!isMetadata || _options.ServiceProvider) && !IsAuthorized(request))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"MailStore\"";
            await WriteTextAsync(context, 401, "text/html", "<h1>Unauthorized</h1>");
            return;
        }
        if (request.Method != "POST" && !isMetadata)
        {
            await WriteTextAsync(context, 405, "text/plain", "Method not allowed");
            return;
        }

        switch (path)
        {
            case "/api/get-metadata":
                await WriteJsonAsync(context, writer => _data.WriteMetadata(writer));
                return;
            case "/api/get-status":
                await HandleGetStatusAsync(context, form);
                return;
            case "/api/cancel-async":
                await HandleCancelAsync(context, form);
                return;
        }
        if (!path.StartsWith("/api/invoke/", StringComparison.Ordinal))
        {
            await WriteTextAsync(context, 404, "text/html", "<h1>Not Found</h1>");
            return;
        }
        var function = _data.Find(path.Substring("/api/invoke/".Length));
        if (function == null)
        {
            await WriteTextAsync(context, 404, "text/html", "<h1>Not Found</h1>");
            return;
        }
        var missing = function.Arguments.FirstOrDefault(a => !a.Nullable && !form.ContainsKey(a.Name));
        if (missing != null)
        {
            await WriteEnvelopeAsync(context, FakeCall.Invalid($"Missing API argument {missing.Name}."));
            return;
        }
        await InvokeAsync(context, function.Name, form);
    }

    private async Task InvokeAsync(HttpContext context, string function, Dictionary<string, string> form)
    {
        if (_options.HangingFunctions.Contains(function)) await Task.Delay(Timeout.Infinite, context.RequestAborted);
        InterlockedMax(ref _maxInvokesInFlight, Interlocked.Increment(ref _invokesInFlight));
        try
        {
            if (_options.InvokeLatency > TimeSpan.Zero) await Latency.WaitAsync(_options.InvokeLatency, context.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref _invokesInFlight);
        }
        var handler = _functions.Find(function) ?? (_ => Task.FromResult(Envelope.Succeeded(null)));
        var call = new FakeCall(function, form, context.RequestAborted, task =>
        {
            _tasks[task.Token] = task;
            return task.Snapshot(-1);
        });
        var envelope = _functions.Check(call) ?? await handler(call);
        // A server that starts the task at once but answers the invoke late (seen with large stores): stopping a
        // client in that window must still cancel the task.
        if (envelope.Token != null && _options.InvokeAnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(_options.InvokeAnswerDelay, context.RequestAborted);
            envelope = _tasks[envelope.Token].Snapshot(-1);
        }
        await WriteEnvelopeAsync(context, envelope);
    }

    /// <summary>Counts a GetUserInfo in flight until disposed (for <see cref="MaxConcurrentUserInfo"/>).</summary>
    internal IDisposable TrackUserInfo()
    {
        InterlockedMax(ref _maxUserInfoInFlight, Interlocked.Increment(ref _userInfoInFlight));
        return new Release(() => Interlocked.Decrement(ref _userInfoInFlight));
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    private async Task HandleGetStatusAsync(HttpContext context, Dictionary<string, string> form)
    {
        if (!form.TryGetValue("token", out var token) || !_tasks.TryGetValue(token, out var task))
        {
            await WriteTextAsync(context, 404, "text/html", "<h1>Not Found</h1>");
            return;
        }
        var lastKnown = form.TryGetValue("lastKnownStatusVersion", out var v) && long.TryParse(v, out var parsed) ? parsed : -1;
        var timeout = form.TryGetValue("millisecondsTimeout", out var t) && int.TryParse(t, out var ms) ? ms : 0;
        await task.WaitForChangeAsync(lastKnown, TimeSpan.FromMilliseconds(timeout), context.RequestAborted);
        await WriteEnvelopeAsync(context, task.Snapshot(lastKnown));
    }

    private async Task HandleCancelAsync(HttpContext context, Dictionary<string, string> form)
    {
        if (!form.TryGetValue("token", out var token) || !_tasks.TryGetValue(token, out var task))
        {
            await WriteTextAsync(context, 404, "text/html", "<h1>Not Found</h1>");
            return;
        }
        task.CancelRequested = true;
        await WriteEnvelopeAsync(context, task.Snapshot(long.MaxValue));
    }

    private async Task HandleControlAsync(HttpContext context, string path)
    {
        if (path == "/_fake/reset")
        {
            _calls.Clear();
            await WriteTextAsync(context, 200, "text/plain", "ok");
            return;
        }
        var calls = _calls.ToArray();
        await WriteTextAsync(context, 200, "application/json", JsonSerializer.Serialize(calls.Select(c => new
        {
            c.Method, c.Path, c.Form, c.HadContentLength, c.ContentType, Function = c.Function,
            // Pester may assert on Authorization being sent, never on its value.
            HadAuthorization = c.Authorization.Length > 0,
        })));
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
            return pair == _options.UserName + ":" + _options.Password;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = WebUtility.UrlDecode(eq < 0 ? part : part.Substring(0, eq));
            form[key] = eq < 0 ? string.Empty : WebUtility.UrlDecode(part.Substring(eq + 1));
        }
        return form;
    }

    internal static async Task WriteTextAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text);
    }

    private static Task WriteEnvelopeAsync(HttpContext context, Envelope envelope) => WriteJsonAsync(context, envelope.Write);

    /// <summary>BOM first, then JSON written straight to the response (large user lists are never buffered).</summary>
    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-cache,private,no-store,must-revalidate,max-stale=0,post-check=0,pre-check=0";
        var body = context.Response.BodyWriter;
        await body.WriteAsync(Bom);
        await using var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = true });
        write(writer);
        await writer.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host != null) await _host.DisposeAsync();
    }
}

public sealed record RecordedCall(string Method, string Path, Dictionary<string, string> Form, bool HadContentLength,
    string Authorization, string? ContentType)
{
    public string Function => Path.Substring(Path.LastIndexOf('/') + 1);
}
