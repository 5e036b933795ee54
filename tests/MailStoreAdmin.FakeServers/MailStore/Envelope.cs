using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

public sealed record EnvelopeError(string Message, string? Details);

/// <summary>The response envelope, written field by field in the order the real server uses.</summary>
public sealed class Envelope
{
    public EnvelopeError? Error { get; init; }
    public string? Token { get; init; }
    public long StatusVersion { get; init; } = 2;
    public string StatusCode { get; init; } = "succeeded";
    public int? PercentProgress { get; init; }
    public string? StatusText { get; init; }
    public Action<Utf8JsonWriter>? Result { get; init; }
    public string? LogOutput { get; init; }

    public static Envelope Succeeded(Action<Utf8JsonWriter>? result) => new() { Result = result };

    public static Envelope Failed(string message, string? details) =>
        new() { StatusCode = "failed", Error = new EnvelopeError(message, details) };

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (Error == null) w.WriteNull("error");
        else
        {
            w.WriteStartObject("error");
            w.WriteString("message", Error.Message);
            if (Error.Details == null) w.WriteNull("details"); else w.WriteString("details", Error.Details);
            w.WriteEndObject();
        }
        if (Token == null) w.WriteNull("token"); else w.WriteString("token", Token);
        w.WriteNumber("statusVersion", StatusVersion);
        w.WriteString("statusCode", StatusCode);
        if (PercentProgress == null) w.WriteNull("percentProgress"); else w.WriteNumber("percentProgress", PercentProgress.Value);
        if (StatusText == null) w.WriteNull("statusText"); else w.WriteString("statusText", StatusText);
        w.WritePropertyName("result");
        if (Result == null) w.WriteNullValue(); else Result(w);
        if (LogOutput == null) w.WriteNull("logOutput"); else w.WriteString("logOutput", LogOutput);
        w.WriteEndObject();
    }
}

/// <summary>A long-running task: each change raises statusVersion and may add log text.</summary>
public sealed class FakeTask
{
    private readonly object _gate = new();
    private readonly List<(long Version, string Text)> _log = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _version = 3;
    private string _statusCode = "running";
    private int? _percent = 0;
    private string? _statusText;
    private EnvelopeError? _error;

    public FakeTask(string initialLog)
    {
        _log.Add((_version, initialLog));
    }

    public string Token { get; } = Guid.NewGuid().ToString("N");
    public volatile bool CancelRequested;

    /// <summary>The result items the final status carries once the task succeeded (GetFolderStatistics).</summary>
    public Action<Utf8JsonWriter>? Result { get; set; }

    public string StatusCode
    {
        get
        {
            lock (_gate) return _statusCode;
        }
    }

    public void Update(int percent, string statusText, string log) => Change("running", percent, statusText, null, log);

    public void Finish(string statusCode, EnvelopeError? error, string log) => Change(statusCode, 100, null, error, log);

    private void Change(string statusCode, int percent, string? statusText, EnvelopeError? error, string log)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _version += 1 + Random.Shared.Next(3);
            _statusCode = statusCode;
            _percent = percent;
            _statusText = statusText;
            _error = error;
            _log.Add((_version, log));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>Holds a get-status request until the version passes lastKnown, or the timeout ends (long-poll).</summary>
    public async Task WaitForChangeAsync(long lastKnown, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_version > lastKnown || _statusCode != "running") return;
            changed = _changed.Task;
        }
        await Task.WhenAny(changed, Task.Delay(timeout, cancellationToken));
    }

    /// <summary>The current status with only the log text newer than lastKnown.</summary>
    public Envelope Snapshot(long lastKnown)
    {
        lock (_gate)
        {
            var newLog = string.Concat(_log.Where(entry => entry.Version > lastKnown).Select(entry => entry.Text));
            return new Envelope
            {
                Token = Token,
                StatusVersion = _version,
                StatusCode = _statusCode,
                PercentProgress = _statusCode == "running" ? _percent : 100,
                StatusText = _statusText,
                Error = _error,
                LogOutput = newLog.Length == 0 ? null : newLog,
                Result = _statusCode == "succeeded" ? Result : null,
            };
        }
    }
}
