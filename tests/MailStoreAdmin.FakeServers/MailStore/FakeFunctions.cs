using System.Globalization;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// One area of the fake API (users, stores, profiles, ...): registers a handler per function it serves. A handler
/// gets the call with its form arguments (already checked for the required ones, from the catalogue) and returns
/// the envelope to send; long-running functions start a <see cref="FakeTask"/> through <see cref="FakeCall.Start"/>.
/// Functions no area registers answer "succeeded" with no result.
/// </summary>
public interface IFakeFunctions
{
    void Register(FakeFunctionTable table);
}

public sealed class FakeFunctionTable
{
    private readonly Dictionary<string, Func<FakeCall, Task<Envelope>>> _handlers = new(StringComparer.Ordinal);

    public void Add(string function, Func<FakeCall, Envelope> handler) => _handlers.Add(function, call => Task.FromResult(handler(call)));

    public void Add(string function, Func<FakeCall, Task<Envelope>> handler) => _handlers.Add(function, handler);

    public Func<FakeCall, Task<Envelope>>? Find(string function) => _handlers.TryGetValue(function, out var handler) ? handler : null;

    private readonly List<Func<FakeCall, Envelope?>> _guards = new();

    /// <summary>A check every invoke passes before its handler; a non-null answer refuses the call (SPE instance state).</summary>
    public void Guard(Func<FakeCall, Envelope?> guard) => _guards.Add(guard);

    public Envelope? Check(FakeCall call) => _guards.Select(guard => guard(call)).FirstOrDefault(answer => answer != null);
}

/// <summary>One invoke as a handler sees it.</summary>
public sealed class FakeCall
{
    private readonly Func<FakeTask, Envelope> _start;

    public FakeCall(string function, IReadOnlyDictionary<string, string> form, CancellationToken aborted, Func<FakeTask, Envelope> start)
    {
        Function = function;
        Form = form;
        Aborted = aborted;
        _start = start;
    }

    public string Function { get; }
    public IReadOnlyDictionary<string, string> Form { get; }
    public CancellationToken Aborted { get; }

    public string? Text(string name) => Form.TryGetValue(name, out var value) ? value : null;
    public bool Bool(string name) => Text(name) == "true";
    public int? Int(string name) => int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Registers a running task (get-status and cancel-async find it by token) and returns its first answer.</summary>
    public Envelope Start(FakeTask task) => _start(task);

    /// <summary>The server's answer to an argument it cannot use: a failed envelope with HTTP 200.</summary>
    public static Envelope Invalid(string message) => Envelope.Failed(message, "System.ArgumentException: " + message);
}
