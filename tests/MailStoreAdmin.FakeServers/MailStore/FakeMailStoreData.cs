using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

public sealed record FakeArgument(string Name, string Type, bool Nullable);

public sealed record FakeFunction(string Name, IReadOnlyList<FakeArgument> Arguments);

/// <summary>
/// The fake's users, stores and function catalogue (from the documented function reference). Users are generated
/// (user000001...) plus those written by directory synchronization, which replace a generated user of the same name.
/// </summary>
public sealed class FakeMailStoreData
{
    private readonly FakeMailStoreOptions _options;
    private readonly Dictionary<string, FakeFunction> _functions;
    private readonly ConcurrentDictionary<string, FakeDirectoryUser> _directoryUsers = new(StringComparer.OrdinalIgnoreCase);

    public FakeMailStoreData(FakeMailStoreOptions options)
    {
        _options = options;
        _functions = LoadFunctions(options.ServiceProvider).ToDictionary(f => f.Name, StringComparer.Ordinal);
        Stores = new FakeStoreState(options);
    }

    /// <summary>The archive stores (mutable: the store functions change them).</summary>
    public FakeStoreState Stores { get; }

    /// <summary>The real server's function names are case-sensitive in the URL.</summary>
    public FakeFunction? Find(string name) => _functions.TryGetValue(name, out var f) ? f : null;

    public static string UserNameAt(int index) => $"user{index:D6}";

    public bool UserExists(string userName) => IsGeneratedUser(userName) || _directoryUsers.ContainsKey(userName);

    public bool IsGeneratedUser(string userName) =>
        userName.StartsWith("user", StringComparison.Ordinal) && int.TryParse(userName.AsSpan(4), out var i) && i >= 1 && i <= _options.UserCount
        && userName == UserNameAt(i);

    public FakeDirectoryUser? FindDirectoryUser(string userName) => _directoryUsers.TryGetValue(userName, out var user) ? user : null;

    public IReadOnlyList<FakeDirectoryUser> DirectoryUsers => _directoryUsers.Values.OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase).ToList();

    public void SaveDirectoryUser(FakeDirectoryUser user)
    {
        _directoryUsers[user.UserName] = user;
        Interlocked.Increment(ref _directoryVersion);
    }

    /// <summary>Raised by every change of the directory users (for caches of the user list).</summary>
    public int DirectoryVersion => Volatile.Read(ref _directoryVersion);

    private int _directoryVersion;

    public void DeleteDirectoryUser(string userName)
    {
        _directoryUsers.TryRemove(userName, out _);
        Interlocked.Increment(ref _directoryVersion);
    }

    public bool StoreExists(int id) => Stores.Exists(id);

    public void WriteMetadata(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var function in _functions.Values)
        {
            w.WriteStartObject();
            w.WriteString("name", function.Name);
            w.WriteStartArray("args");
            foreach (var argument in function.Arguments)
            {
                w.WriteStartObject();
                w.WriteString("name", argument.Name);
                w.WriteString("type", argument.Type);
                w.WriteBoolean("nullable", argument.Nullable);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public void WriteUsers(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        for (int i = 1; i <= _options.UserCount; i++)
        {
            if (_directoryUsers.TryGetValue(UserNameAt(i), out var synced))
            {
                WriteDirectoryUser(w, synced);
                continue;
            }
            w.WriteStartObject();
            w.WriteString("userName", UserNameAt(i));
            w.WriteString("fullName", $"Test User {i}");
            if (i % 2 == 0) w.WriteString("distinguishedName", $"CN=Test User {i},OU=Staff,DC=example,DC=com");
            else w.WriteNull("distinguishedName");
            w.WriteString("mfaStatus", i % 5 == 0 ? "active" : "disabled");
            w.WriteEndObject();
        }
        foreach (var user in DirectoryUsers.Where(u => !IsGeneratedUser(u.UserName))) WriteDirectoryUser(w, user);
        w.WriteEndArray();
    }

    private static void WriteDirectoryUser(Utf8JsonWriter w, FakeDirectoryUser user)
    {
        w.WriteStartObject();
        w.WriteString("userName", user.UserName);
        w.WriteString("fullName", user.FullName);
        w.WriteString("distinguishedName", user.DistinguishedName);
        w.WriteString("mfaStatus", "disabled");
        w.WriteEndObject();
    }

    public void WriteUserInfo(Utf8JsonWriter w, string userName)
    {
        if (_directoryUsers.TryGetValue(userName, out var synced))
        {
            WriteDirectoryUserInfo(w, synced);
            return;
        }
        var i = int.Parse(userName.AsSpan(4));
        w.WriteStartObject();
        w.WriteString("userName", userName);
        w.WriteString("fullName", $"Test User {i}");
        w.WriteNull("distinguishedName");
        w.WriteString("authentication", "integrated");
        w.WriteString("mfaStatus", "disabled");
        w.WriteStartArray("emailAddresses");
        w.WriteStringValue($"{userName}@example.com");
        w.WriteEndArray();
        w.WriteStartArray("pop3UserNames");
        w.WriteEndArray();
        w.WriteStartArray("privileges");
        w.WriteStringValue("login");
        if (i == 1) w.WriteStringValue("admin");
        w.WriteEndArray();
        w.WriteStartArray("loginPrivileges");
        w.WriteStringValue("web");
        w.WriteStringValue("outlook");
        w.WriteEndArray();
        w.WriteStartArray("privilegesOnFolders");
        w.WriteStartObject();
        w.WriteString("folder", userName);
        w.WriteStartArray("privileges");
        w.WriteStringValue("read");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDirectoryUserInfo(Utf8JsonWriter w, FakeDirectoryUser user)
    {
        w.WriteStartObject();
        w.WriteString("userName", user.UserName);
        w.WriteString("fullName", user.FullName);
        w.WriteString("distinguishedName", user.DistinguishedName);
        w.WriteString("authentication", user.FromDirectory ? "directoryServices" : "integrated");
        w.WriteString("mfaStatus", "disabled");
        w.WriteStartArray("emailAddresses");
        foreach (var address in user.EmailAddresses) w.WriteStringValue(address);
        w.WriteEndArray();
        w.WriteStartArray("pop3UserNames");
        w.WriteEndArray();
        w.WriteStartArray("privileges");
        w.WriteStringValue("login");
        w.WriteEndArray();
        w.WriteStartArray("loginPrivileges");
        w.WriteStringValue("web");
        w.WriteEndArray();
        w.WriteStartArray("privilegesOnFolders");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public void WriteStores(Utf8JsonWriter w, bool includeSize) => Stores.Write(w, includeSize);

    private static IEnumerable<FakeFunction> LoadFunctions(bool serviceProvider)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("functions.json")!;
        using var document = JsonDocument.Parse(stream);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var edition = item.GetProperty("edition").GetString();
            if (edition == (serviceProvider ? "server" : "spe")) continue;
            var arguments = item.GetProperty("args").EnumerateArray()
                .Select(a => new FakeArgument(a.GetProperty("name").GetString()!, a.GetProperty("type").GetString()!, a.GetProperty("nullable").GetBoolean()))
                .ToList();
            if (serviceProvider && item.GetProperty("instance").GetBoolean() && arguments.All(a => a.Name != "instanceID"))
            {
                arguments.Insert(0, new FakeArgument("instanceID", "string", false));
            }
            yield return new FakeFunction(item.GetProperty("name").GetString()!, arguments);
        }
    }
}
