using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Directory services of the fake: a stored configuration (Get/SetDirectoryServicesConfiguration) and a
/// synchronization that really calls the configured Application Integration server (cmd=list) and writes the users
/// it lists into the fake's user list.
/// The configuration's shape is the fake's own: MailStore does not document the keys of an Application Integration
/// configuration, so nothing here confirms what a real server sends or accepts.
/// </summary>
public sealed class FakeDirectoryServices
{
    public const string ApplicationIntegrationType = "applicationIntegration";
    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(30);
    private readonly object _gate = new();
    private readonly FakeMailStoreData _data;
    private JsonObject _configuration = DefaultConfiguration();
    private string? _password;

    public FakeDirectoryServices(FakeMailStoreData data) => _data = data;

    /// <summary>The password the fake keeps (never returned by Get), for tests.</summary>
    public string? StoredPassword
    {
        get { lock (_gate) return _password; }
    }

    /// <summary>An unconfigured Application Integration setup, in the fake's own (unconfirmed) shape.</summary>
    public static JsonObject DefaultConfiguration() => new()
    {
        ["type"] = ApplicationIntegrationType,
        ["url"] = "",
        ["ignoreSslErrors"] = false,
        ["userName"] = "",
        ["password"] = null,
        ["deleteUsers"] = false,
        ["groups"] = new JsonArray(),
    };

    /// <summary>The stored configuration with the password null, as the real server answers.</summary>
    public void WriteConfiguration(Utf8JsonWriter writer)
    {
        JsonObject copy;
        lock (_gate) copy = (JsonObject)_configuration.DeepClone();
        copy["password"] = null;
        copy.WriteTo(writer);
    }

    /// <summary>Stores a configuration; a null or missing password keeps the stored one. Returns an error message or null.</summary>
    public string? Configure(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return $"The configuration is not valid JSON: {e.Message}";
        }
        if (node is not JsonObject configuration) return "The configuration must be a JSON object.";
        if (configuration["type"] is JsonNode type && type.GetValueKind() != JsonValueKind.String) return "The configuration's type must be a string.";
        lock (_gate)
        {
            if (configuration["password"] is JsonValue value && value.TryGetValue<string>(out var password)) _password = password;
            configuration["password"] = null;
            _configuration = configuration;
        }
        return null;
    }

    public FakeTask StartSync(bool dryRun)
    {
        var task = new FakeTask(dryRun ? "Dry run: changes will not be saved.\r\n" : "Synchronizing users with the directory service...\r\n");
        var settings = ReadSettings();
        _ = Task.Run(() => RunSyncAsync(task, settings, dryRun));
        return task;
    }

    private SyncSettings ReadSettings()
    {
        lock (_gate)
        {
            return new SyncSettings(Text(_configuration, "type"), Text(_configuration, "url"), Text(_configuration, "userName"), _password,
                Flag(_configuration, "ignoreSslErrors"), Flag(_configuration, "deleteUsers"));
        }
    }

    private async Task RunSyncAsync(FakeTask task, SyncSettings settings, bool dryRun)
    {
        if (settings.Type != ApplicationIntegrationType)
        {
            Fail(task, $"The fake MailStore only synchronizes with Application Integration (type '{ApplicationIntegrationType}'), not '{settings.Type}'.");
            return;
        }
        if (string.IsNullOrEmpty(settings.Url))
        {
            Fail(task, "No Application Integration URL is configured.");
            return;
        }
        task.Update(10, "Retrieving users from the directory service", $"Retrieving users from {settings.Url}...\r\n");
        List<FakeDirectoryUser> listed;
        try
        {
            listed = await ListUsersAsync(settings);
        }
        catch (SyncFailure e)
        {
            Fail(task, e.Message);
            return;
        }
        if (task.CancelRequested)
        {
            task.Finish("cancelled", null, "Cancelled by request.\r\n");
            return;
        }
        task.Update(50, "Synchronizing users", $"{listed.Count} users found in the directory service.\r\n");
        Synchronize(task, listed, settings.DeleteUsers, dryRun);
    }

    private void Synchronize(FakeTask task, List<FakeDirectoryUser> listed, bool deleteUsers, bool dryRun)
    {
        var log = new StringBuilder();
        int added = 0, updated = 0, deleted = 0, unchanged = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in listed)
        {
            if (!names.Add(user.UserName)) continue;
            var existing = _data.FindDirectoryUser(user.UserName);
            FakeDirectoryUser target;
            if (existing == null && !_data.IsGeneratedUser(user.UserName))
            {
                log.Append($"Adding user '{user.UserName}'...\r\n");
                added++;
                target = user;
            }
            else if (existing == null || !existing.SameDetails(user))
            {
                log.Append($"Updating user '{user.UserName}'...\r\n");
                updated++;
                // A local user taken over by the directory stays local: a later sync never deletes it.
                target = user with { FromDirectory = existing?.FromDirectory ?? false };
            }
            else
            {
                unchanged++;
                continue;
            }
            if (!dryRun) _data.SaveDirectoryUser(target);
        }
        foreach (var gone in _data.DirectoryUsers.Where(u => u.FromDirectory && !names.Contains(u.UserName)))
        {
            if (!deleteUsers)
            {
                log.Append($"User '{gone.UserName}' is no longer in the directory service; it is kept (deleting users is off).\r\n");
                continue;
            }
            log.Append($"Deleting user '{gone.UserName}'...\r\n");
            deleted++;
            if (!dryRun) _data.DeleteDirectoryUser(gone.UserName);
        }
        log.Append($"Finished: {added} added, {updated} updated, {deleted} deleted, {unchanged} unchanged{(dryRun ? " (dry run: nothing was saved)" : string.Empty)}.\r\n");
        task.Finish("succeeded", null, log.ToString());
    }

    /// <summary>POST cmd=list as MailStore sends it: form-urlencoded, HTTP Basic when a user name is configured.</summary>
    private static async Task<List<FakeDirectoryUser>> ListUsersAsync(SyncSettings settings)
    {
        using var handler = new SocketsHttpHandler();
        if (settings.IgnoreSslErrors) handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        using var client = new HttpClient(handler) { Timeout = ListTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("cmd", "list") }),
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.UserName + ":" + settings.Password)));
        }
        string body;
        try
        {
            using var response = await client.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new SyncFailure($"The application integration server answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase}).");
            }
            body = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException e)
        {
            throw new SyncFailure($"The application integration server could not be reached: {e.Message}");
        }
        catch (TaskCanceledException)
        {
            throw new SyncFailure($"The application integration server did not answer within {ListTimeout.TotalSeconds:0} seconds.");
        }
        return ParseUserList(body);
    }

    private static List<FakeDirectoryUser> ParseUserList(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw new SyncFailure("The application integration server did not answer with a JSON array of users.");
            var users = new List<FakeDirectoryUser>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var userName = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("userName", out var name) && name.ValueKind == JsonValueKind.String
                    ? name.GetString()
                    : null;
                if (string.IsNullOrEmpty(userName)) throw new SyncFailure("The application integration server listed a user without a userName.");
                var addresses = item.TryGetProperty("emailAddresses", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(a => a.GetString()).OfType<string>().ToArray()
                    : Array.Empty<string>();
                users.Add(new FakeDirectoryUser(userName, Optional(item, "fullName"), Optional(item, "distinguishedName"), addresses, FromDirectory: true));
            }
            return users;
        }
        catch (JsonException e)
        {
            throw new SyncFailure($"The application integration server's answer is not valid JSON: {e.Message}");
        }
    }

    private static void Fail(FakeTask task, string message) =>
        task.Finish("failed", new EnvelopeError(message, "at MailStore.Server.DirectoryServices.Synchronize()"), $"Error: {message}\r\n");

    private static string? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Text(JsonObject configuration, string name) =>
        configuration[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;

    private static bool Flag(JsonObject configuration, string name) =>
        configuration[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private sealed record SyncSettings(string Type, string Url, string UserName, string? Password, bool IgnoreSslErrors, bool DeleteUsers);

    private sealed class SyncFailure : Exception
    {
        public SyncFailure(string message) : base(message)
        {
        }
    }
}
