using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// The SPE Management API (only in ServiceProvider mode): instances and their tasks, and the system functions. It also
/// guards every instance-level call: the instanceID must name an instance, and one that is not running (stopped or
/// frozen) refuses calls that run inside it, as the real management server does.
/// </summary>
internal sealed class FakeSpeFunctions : IFakeFunctions
{
    // Management functions that take instanceID but are answered by the management server itself.
    private static readonly HashSet<string> AnsweredWhileStopped = new(StringComparer.Ordinal)
    {
        "GetInstanceConfiguration", "GetInstanceStatistics", "GetArchiveAdminEnabled", "SetArchiveAdminEnabled",
    };

    private readonly FakeMailStoreServer _server;

    public FakeSpeFunctions(FakeMailStoreServer server) => _server = server;

    public void Register(FakeFunctionTable table)
    {
        if (!_server.Options.ServiceProvider) return;
        table.Guard(Check);
        new FakeSpeInstanceFunctions(_server).Register(table);
        new FakeSpeSystemFunctions(_server).Register(table);
    }

    private Envelope? Check(FakeCall call)
    {
        if (!call.Form.TryGetValue("instanceID", out var id)) return null;
        var instance = _server.Spe.Find(id);
        if (instance == null) return Envelope.Failed($"Instance '{id}' does not exist.", "MailStore.SPE.ManagementException: instance not found");
        if (instance.Status != "running" && !AnsweredWhileStopped.Contains(call.Function))
        {
            return Envelope.Failed($"Instance '{id}' is not running (status: {instance.Status}).", "MailStore.SPE.ManagementException: instance not available");
        }
        return null;
    }

    /// <summary>A JSON argument as an object, or null when it is not one.</summary>
    internal static JsonObject? Config(FakeCall call, string name = "config")
    {
        try
        {
            return JsonNode.Parse(call.Text(name) ?? string.Empty) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static Envelope Write(JsonNode? node) => Envelope.Succeeded(w =>
    {
        if (node == null) w.WriteNullValue();
        else node.WriteTo(w);
    });

    internal static Envelope WriteAll(IEnumerable<JsonNode> nodes) => Envelope.Succeeded(w =>
    {
        w.WriteStartArray();
        foreach (var node in nodes) node.WriteTo(w);
        w.WriteEndArray();
    });
}
