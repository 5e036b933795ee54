using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>One user as the fake keeps it once the user functions changed it.</summary>
public sealed class FakeAccount
{
    public string UserName { get; set; } = "";
    public string? FullName { get; set; }
    public string? DistinguishedName { get; set; }
    public string Authentication { get; set; } = "integrated";
    public string MfaStatus { get; set; } = "disabled";
    public List<string> EmailAddresses { get; set; } = new();
    public List<string> Pop3UserNames { get; set; } = new();
    public List<string> Privileges { get; set; } = new();
    public List<string> LoginPrivileges { get; set; } = new();

    /// <summary>Folder → privileges, in the order granted; names compare without regard to case, as on the server.</summary>
    public List<(string Folder, List<string> Privileges)> FolderPrivileges { get; } = new();
    public string? Password { get; set; }
    public int AppPasswords { get; set; }

    public void WriteSummary(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("userName", UserName);
        w.WriteString("fullName", FullName);
        w.WriteString("distinguishedName", DistinguishedName);
        w.WriteString("mfaStatus", MfaStatus);
        w.WriteEndObject();
    }

    public void WriteInfo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("userName", UserName);
        w.WriteString("fullName", FullName);
        w.WriteString("distinguishedName", DistinguishedName);
        w.WriteString("authentication", Authentication);
        w.WriteString("mfaStatus", MfaStatus);
        WriteList(w, "emailAddresses", EmailAddresses);
        WriteList(w, "pop3UserNames", Pop3UserNames);
        WriteList(w, "privileges", Privileges);
        WriteList(w, "loginPrivileges", LoginPrivileges);
        w.WriteStartArray("privilegesOnFolders");
        foreach (var (folder, privileges) in FolderPrivileges)
        {
            w.WriteStartObject();
            w.WriteString("folder", folder);
            WriteList(w, "privileges", privileges);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>Copies a user from its GetUserInfo JSON (how generated and directory users become editable).</summary>
    public static FakeAccount FromInfo(JsonElement e)
    {
        static List<string> List(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : new();
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var account = new FakeAccount
        {
            UserName = Text(e, "userName")!,
            FullName = Text(e, "fullName"),
            DistinguishedName = Text(e, "distinguishedName"),
            Authentication = Text(e, "authentication") ?? "integrated",
            MfaStatus = Text(e, "mfaStatus") ?? "disabled",
            EmailAddresses = List(e, "emailAddresses"),
            Pop3UserNames = List(e, "pop3UserNames"),
            Privileges = List(e, "privileges"),
            LoginPrivileges = List(e, "loginPrivileges"),
        };
        if (e.TryGetProperty("privilegesOnFolders", out var folders))
        {
            foreach (var f in folders.EnumerateArray()) account.FolderPrivileges.Add((Text(f, "folder")!, List(f, "privileges")));
        }
        return account;
    }
}

/// <summary>
/// The users as the user functions see them: the generated and directory users of <see cref="FakeMailStoreData"/>,
/// copied into an editable account the first time a function changes one, plus users created, renamed or deleted
/// through the API. Names compare without regard to case, as on the server. Thread-safe (one lock).
/// </summary>
public sealed class FakeUserAccounts
{
    private readonly FakeMailStoreData _data;
    private readonly Dictionary<string, FakeAccount> _changed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _deleted = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _created = new();

    private readonly int _generated;
    private int _version;
    private (int Version, int DirectoryVersion, byte[] Json)? _summaries;

    public FakeUserAccounts(FakeMailStoreData data, int generatedUsers)
    {
        _data = data;
        _generated = generatedUsers;
    }

    public object Sync { get; } = new();

    /// <summary>The user, or null; generated and directory users are read fresh until something changes them.</summary>
    public FakeAccount? Find(string userName)
    {
        lock (Sync)
        {
            if (_changed.TryGetValue(userName, out var account)) return account;
            if (_deleted.Contains(userName)) return null;
            var canonical = Canonical(userName);
            return canonical == null ? null : Read(canonical);
        }
    }

    /// <summary>The user made editable (kept from now on), or null when there is none.</summary>
    public FakeAccount? Edit(string userName)
    {
        lock (Sync)
        {
            var account = Find(userName);
            if (account != null) _changed[account.UserName] = account;
            _version++;
            return account;
        }
    }

    public void Add(FakeAccount account)
    {
        lock (Sync)
        {
            _deleted.Remove(account.UserName);
            _changed[account.UserName] = account;
            _created.RemoveAll(n => string.Equals(n, account.UserName, StringComparison.OrdinalIgnoreCase));
            _created.Add(account.UserName);
            _version++;
        }
    }

    public void Delete(string userName)
    {
        lock (Sync)
        {
            _changed.Remove(userName);
            _created.RemoveAll(n => string.Equals(n, userName, StringComparison.OrdinalIgnoreCase));
            _deleted.Add(userName);
            _version++;
        }
    }

    /// <summary>Every user, in list order: generated, then directory, then created through the API.</summary>
    public IReadOnlyList<FakeAccount> All()
    {
        lock (Sync)
        {
            var names = new List<string>();
            for (int i = 1; i <= _generated; i++) names.Add(FakeMailStoreData.UserNameAt(i));
            names.AddRange(_data.DirectoryUsers.Where(u => !_data.IsGeneratedUser(u.UserName)).Select(u => u.UserName));
            names.AddRange(_created);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return names.Where(seen.Add).Select(Find).Where(a => a != null).Select(a => a!).ToList();
        }
    }

    /// <summary>
    /// GetUsers' result array, rendered once per state of the users: building 100,000 summaries takes the fake about
    /// a second, which would otherwise be measured as the client's time in the streaming benchmarks. Every change
    /// goes through Edit/Add/Delete under the lock (or the directory users' version), so the cache is never stale.
    /// </summary>
    public byte[] SummariesJson()
    {
        lock (Sync)
        {
            var directoryVersion = _data.DirectoryVersion;
            if (_summaries is { } cached && cached.Version == _version && cached.DirectoryVersion == directoryVersion) return cached.Json;
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartArray();
                foreach (var user in All()) user.WriteSummary(w);
                w.WriteEndArray();
            }
            _summaries = (_version, directoryVersion, buffer.ToArray());
            return _summaries.Value.Json;
        }
    }

    private string? Canonical(string userName)
    {
        var directory = _data.FindDirectoryUser(userName);
        if (directory != null) return directory.UserName;
        var lower = userName.ToLowerInvariant();
        return _data.IsGeneratedUser(lower) ? lower : null;
    }

    private FakeAccount Read(string userName)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) _data.WriteUserInfo(writer, userName);
        using var document = JsonDocument.Parse(buffer.ToArray());
        return FakeAccount.FromInfo(document.RootElement);
    }
}
