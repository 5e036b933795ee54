using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>One SPE instance: its configuration (kept as sent, unknown properties included) and its process state.</summary>
public sealed class FakeSpeInstance
{
    public FakeSpeInstance(JsonObject config) => Config = config;

    public JsonObject Config { get; set; }
    public string Id => (string)Config["instanceID"]!;

    /// <summary>running, stopped or frozen; starting/stopping/... while a task changes it.</summary>
    public string Status { get; set; } = "running";
    public int ProcessId { get; set; }
    public bool ArchiveAdminEnabled { get; set; }
    public long Messages { get; set; }
}

/// <summary>
/// The state of the fake SPE Management API: instances, instance hosts with their directories, client access servers,
/// system administrators (passwords kept apart, never returned) and the system SMTP settings.
/// </summary>
public sealed class FakeSpeData
{
    private int _lastProcessId = 4000;

    public FakeSpeData(FakeMailStoreOptions options)
    {
        Hosts.Add(Node($$"""{"serverName":"host01","port":8472,"serverCertificate":{"thumbprint":"AB12CD34"},"baseDirectory":"E:\\Instances","futureSetting":"kept"}"""));
        Directories["host01"] = new ConcurrentDictionary<string, byte>(StringComparer.OrdinalIgnoreCase) { ["E:\\Instances"] = 0, ["E:\\Instances\\inst01"] = 0 };
        ClientAccessServers.Add(Node($$"""{"serverName":"cas01","port":8473,"serverCertificate":{"thumbprint":"EF56AB78"},"futureSetting":"kept"}"""));
        Administrators.Add(Node($$"""{"userName":"admin","fullName":"Administrator","emailAddress":"admin@example.com","mfaStatus":"disabled","futureSetting":"kept"}"""));
        AdministratorPasswords["admin"] = options.Password;
        Smtp = Node($$"""{"hostname":"smtp.example.com","port":587,"protocol":"SMTP-TLS","ignoreSslPolicyErrors":false,"authenticationRequired":true,"userName":"mailer","password":null,"fromDisplayName":"MailStore SPE","fromEmailAddress":"spe@example.com","recipientEmailAddress":"ops@example.com","futureSetting":"kept"}""");
        for (int i = 1; i <= options.SpeInstanceCount; i++) Add(NewInstanceConfig(InstanceIdAt(i), $"Customer {i}", "host01"));
    }

    public static string InstanceIdAt(int index) => $"inst{index:D2}";

    public ConcurrentDictionary<string, FakeSpeInstance> Instances { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<JsonObject> Hosts { get; } = new();
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> Directories { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<JsonObject> ClientAccessServers { get; } = new();
    public List<JsonObject> Administrators { get; } = new();
    public ConcurrentDictionary<string, string> AdministratorPasswords { get; } = new(StringComparer.OrdinalIgnoreCase);
    public JsonObject Smtp { get; set; }

    /// <summary>The last password the system SMTP settings were given (tests check it arrived, never that it is shown).</summary>
    public string? SmtpPassword { get; set; }

    public FakeSpeInstance? Find(string? id) => id != null && Instances.TryGetValue(id, out var instance) ? instance : null;

    public FakeSpeInstance Add(JsonObject config)
    {
        var instance = new FakeSpeInstance(config) { ProcessId = Interlocked.Increment(ref _lastProcessId), Messages = 1000 * (Instances.Count + 1) };
        Instances[instance.Id] = instance;
        return instance;
    }

    public int NextProcessId() => Interlocked.Increment(ref _lastProcessId);

    public static JsonObject NewInstanceConfig(string id, string displayName, string host) => Node($$"""
        {"instanceID":"{{id}}","alias":"{{id}}","displayName":"{{displayName}}","instanceHost":"{{host}}","startMode":"automatic",
         "baseDirectory":"E:\\Instances\\{{id}}","debugLogEnabled":false,"imapServerConnectionLogEnabled":false,
         "vssWriterEnabled":true,"vssWriterExcludeIndexes":false,"futureSetting":"kept"}
        """);

    /// <summary>Instances matching an instanceFilter: ids or wildcards, comma-separated; in id order.</summary>
    public IReadOnlyList<FakeSpeInstance> Match(string filter)
    {
        var patterns = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new Regex("^" + Regex.Escape(p).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase))
            .ToList();
        return Instances.Values.Where(i => patterns.Any(p => p.IsMatch(i.Id))).OrderBy(i => i.Id, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static JsonObject Node(string json) => (JsonObject)JsonNode.Parse(json)!;
}
