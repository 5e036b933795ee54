using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// SPE system functions: instance hosts and their directories, client access servers, system administrators (with API
/// passwords and MFA), system SMTP settings, environment and service status, and $archiveadmin access.
/// </summary>
internal sealed class FakeSpeSystemFunctions : IFakeFunctions
{
    private readonly FakeMailStoreServer _server;

    public FakeSpeSystemFunctions(FakeMailStoreServer server) => _server = server;

    private FakeSpeData Spe => _server.Spe;

    public void Register(FakeFunctionTable table)
    {
        RegisterServers(table, "InstanceHost", Spe.Hosts);
        table.Add("GetInstanceHosts", call => FakeSpeFunctions.WriteAll(Filter(Spe.Hosts, call.Text("serverNameFilter"))));
        table.Add("GetClientAccessServers", call => FakeSpeFunctions.WriteAll(Filter(Spe.ClientAccessServers, call.Text("serverNameFilter"))
            .Select(s => WithStatus(s, call.Bool("withServiceStatus")))));
        RegisterServers(table, "ClientAccessServer", Spe.ClientAccessServers);
        table.Add("GetDirectoriesOnInstanceHost", Directories);
        table.Add("CreateDirectoryOnInstanceHost", CreateDirectory);

        table.Add("GetSystemAdministrators", _ => FakeSpeFunctions.WriteAll(Snapshot(Spe.Administrators)));
        table.Add("CreateSystemAdministrator", CreateAdministrator);
        table.Add("SetSystemAdministratorConfiguration", call => Replace(Spe.Administrators, FakeSpeFunctions.Config(call), "userName"));
        table.Add("DeleteSystemAdministrator", call => Remove(Spe.Administrators, "userName", call.Text("userName")!));
        table.Add("SetSystemAdministratorPassword", call => WithAdministrator(call, a => Spe.AdministratorPasswords[call.Text("userName")!] = call.Text("password")!));
        table.Add("InitializeSystemAdministratorMFA", call => WithAdministrator(call, a => a["mfaStatus"] = "pending"));
        table.Add("DeactivateSystemAdministratorMFA", call => WithAdministrator(call, a => a["mfaStatus"] = "disabled"));
        table.Add("CreateSystemAdministratorAPIPassword", _ => FakeSpeFunctions.Write(JsonValue.Create("api-" + Guid.NewGuid().ToString("N"))));

        table.Add("GetSystemSmtpConfiguration", _ => FakeSpeFunctions.Write(Spe.Smtp.DeepClone()));
        table.Add("SetSystemSmtpConfiguration", SetSmtp);
        table.Add("TestSystemSmtpConfiguration", call => call.Start(SmtpTest()));

        table.Add("GetEnvironmentInfo", _ => FakeSpeFunctions.Write(FakeSpeData.Node("""
            {"version":"25.3.0.12345","webClientVersion":"25.3.0.12345","copyright":"(c) MailStore","licenseeName":"Example Provider",
             "licenseeID":"12345","serverName":"spe-mgmt","userName":"admin",
             "systemProperties":{"processors":["Fake CPU @ 3.0 GHz"],"totalPhysicalMemory":17179869184,"operatingSystem":"Windows Server 2022"}}
            """)));
        table.Add("GetServiceStatus", _ => FakeSpeFunctions.Write(ServiceStatus()));
        table.Add("GetArchiveAdminEnabled", call => FakeSpeFunctions.Write(JsonValue.Create(Spe.Find(call.Text("instanceID"))!.ArchiveAdminEnabled)));
        table.Add("SetArchiveAdminEnabled", call =>
        {
            Spe.Find(call.Text("instanceID"))!.ArchiveAdminEnabled = call.Bool("enabled");
            return Envelope.Succeeded(null);
        });
        table.Add("CreateClientOneTimeUrlForArchiveAdmin", call => FakeSpeFunctions.Write(JsonValue.Create(
            $"{call.Text("instanceUrl") ?? "https://archive.example.com/" + call.Text("instanceID")}/?otp=secret-{Guid.NewGuid():N}")));
    }

    private static void RegisterServers(FakeFunctionTable table, string noun, List<JsonObject> servers)
    {
        table.Add("Create" + noun, call =>
        {
            var config = FakeSpeFunctions.Config(call);
            var name = config?["serverName"]?.GetValue<string>();
            if (config == null || string.IsNullOrEmpty(name)) return FakeCall.Invalid("config must be a JSON object with a serverName.");
            lock (servers)
            {
                if (servers.Any(s => Same(s, "serverName", name))) return Envelope.Failed($"Server '{name}' already exists.", null);
                servers.Add(config);
            }
            return Envelope.Succeeded(null);
        });
        table.Add(noun == "InstanceHost" ? "SetInstanceHostConfiguration" : "SetClientAccessServerConfiguration",
            call => Replace(servers, FakeSpeFunctions.Config(call), "serverName"));
        table.Add("Delete" + noun, call => Remove(servers, "serverName", call.Text("serverName")!));
    }

    private static bool Same(JsonObject item, string key, string? value) =>
        string.Equals(item[key]?.GetValue<string>(), value, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonNode> Snapshot(List<JsonObject> items)
    {
        lock (items) return items.Select(i => i.DeepClone()).ToList();
    }

    private static IEnumerable<JsonNode> Filter(List<JsonObject> servers, string? filter) =>
        Snapshot(servers).Where(s => string.IsNullOrEmpty(filter) || filter == "*" || Same((JsonObject)s, "serverName", filter));

    private static JsonNode WithStatus(JsonNode server, bool withStatus)
    {
        if (withStatus) server["serviceStatus"] = new JsonObject { ["active"] = true, ["version"] = "25.3.0.12345" };
        return server;
    }

    private static Envelope Replace(List<JsonObject> items, JsonObject? config, string key)
    {
        var name = config?[key]?.GetValue<string>();
        if (config == null || name == null) return FakeCall.Invalid($"config must be a JSON object with a {key}.");
        lock (items)
        {
            var index = items.FindIndex(i => Same(i, key, name));
            if (index < 0) return Envelope.Failed($"'{name}' does not exist.", null);
            items[index] = config;
        }
        return Envelope.Succeeded(null);
    }

    private static Envelope Remove(List<JsonObject> items, string key, string name)
    {
        lock (items)
        {
            return items.RemoveAll(i => Same(i, key, name)) > 0 ? Envelope.Succeeded(null) : Envelope.Failed($"'{name}' does not exist.", null);
        }
    }

    private Envelope Directories(FakeCall call)
    {
        if (!Spe.Directories.TryGetValue(call.Text("serverName")!, out var paths)) return Envelope.Failed($"Instance host '{call.Text("serverName")}' does not exist.", null);
        var parent = (call.Text("path") ?? string.Empty).TrimEnd('\\');
        var children = paths.Keys.Where(p => parent.Length == 0 ? !p.Contains('\\', StringComparison.Ordinal) || p.Count(c => c == '\\') == 1
                : p.StartsWith(parent + "\\", StringComparison.OrdinalIgnoreCase) && p.IndexOf('\\', parent.Length + 1) < 0)
            .OrderBy(p => p, StringComparer.OrdinalIgnoreCase).Select(p => (JsonNode)JsonValue.Create(p)!);
        return FakeSpeFunctions.WriteAll(children);
    }

    private Envelope CreateDirectory(FakeCall call)
    {
        if (!Spe.Directories.TryGetValue(call.Text("serverName")!, out var paths)) return Envelope.Failed($"Instance host '{call.Text("serverName")}' does not exist.", null);
        paths[call.Text("path")!.TrimEnd('\\')] = 0;
        return Envelope.Succeeded(null);
    }

    private Envelope CreateAdministrator(FakeCall call)
    {
        var config = FakeSpeFunctions.Config(call);
        var name = config?["userName"]?.GetValue<string>();
        if (config == null || string.IsNullOrEmpty(name)) return FakeCall.Invalid("config must be a JSON object with a userName.");
        lock (Spe.Administrators)
        {
            if (Spe.Administrators.Any(a => Same(a, "userName", name))) return Envelope.Failed($"Administrator '{name}' already exists.", null);
            Spe.Administrators.Add(config);
        }
        Spe.AdministratorPasswords[name] = call.Text("password")!;
        return Envelope.Succeeded(null);
    }

    private Envelope WithAdministrator(FakeCall call, Action<JsonObject> change)
    {
        lock (Spe.Administrators)
        {
            var admin = Spe.Administrators.FirstOrDefault(a => Same(a, "userName", call.Text("userName")));
            if (admin == null) return Envelope.Failed($"Administrator '{call.Text("userName")}' does not exist.", null);
            change(admin);
        }
        return Envelope.Succeeded(null);
    }

    private Envelope SetSmtp(FakeCall call)
    {
        var config = FakeSpeFunctions.Config(call);
        if (config == null) return FakeCall.Invalid("config must be a JSON object.");
        Spe.SmtpPassword = config["password"]?.GetValue<string>() ?? Spe.SmtpPassword;
        config["password"] = null;
        Spe.Smtp = config;
        return Envelope.Succeeded(null);
    }

    private FakeTask SmtpTest()
    {
        var task = new FakeTask($"Connecting to {Spe.Smtp["hostname"]}...\r\n");
        _ = Task.Run(async () =>
        {
            await Task.Delay(_server.Options.SpeTransitionDelay);
            task.Finish("succeeded", null, "Test message sent.\r\n");
        });
        return task;
    }

    private JsonObject ServiceStatus()
    {
        var running = Spe.Instances.Values.Count(i => i.Status == "running");
        var servers = new JsonArray(
            new JsonObject { ["serverName"] = "spe-mgmt", ["port"] = 8474, ["serverType"] = "managementServer", ["active"] = true },
            new JsonObject { ["serverName"] = "host01", ["port"] = 8472, ["serverType"] = "instanceHost", ["active"] = true,
                ["numberOfInstances"] = Spe.Instances.Count, ["numberOfRunningInstances"] = running },
            new JsonObject { ["serverName"] = "cas01", ["port"] = 8473, ["serverType"] = "clientAccessServer", ["active"] = true });
        var messages = new JsonArray(new JsonObject { ["type"] = "information", ["text"] = "All services are running.", ["isSubItem"] = false });
        return new JsonObject { ["serverInfos"] = servers, ["messages"] = messages };
    }
}
