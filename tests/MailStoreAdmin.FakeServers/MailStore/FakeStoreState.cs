using System.Collections.Concurrent;
using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>One archive store of the fake, mutable so that create, rename, detach and merge show in GetStores.</summary>
public sealed class FakeStore
{
    public required int Id { get; init; }
    public required string Name { get; set; }
    public string RequestedState { get; set; } = "normal";
    public string Type { get; set; } = "FileSystemInternal";
    public string? DatabasePath { get; set; }
    public string? ContentPath { get; set; }
    public string? IndexPath { get; set; }
    public bool NeedsUpgrade { get; set; }
    public bool SearchIndexesNeedRebuild { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// The stores the fake serves. It starts with the three stores every existing test knows (Archive 2024 write
/// protected, Archive 2025 with indexes to rebuild, Archive 2026 damaged by default); ids grow like the server's.
/// </summary>
public sealed class FakeStoreState
{
    /// <summary>The values a requested state may take (SetStoreRequestedState, CreateStore, AttachStore).</summary>
    public static readonly string[] States = { "current", "normal", "writeProtected", "disabled" };

    private readonly FakeMailStoreOptions _options;
    private readonly ConcurrentDictionary<int, FakeStore> _stores = new();
    private int _lastId;

    public FakeStoreState(FakeMailStoreOptions options)
    {
        _options = options;
        for (int id = 1; id <= 3; id++)
        {
            Add($"Archive {2023 + id}", "FileSystemInternal", $@"D:\MailArchive\Store{id}", $@"D:\MailArchive\Store{id}",
                $@"D:\MailArchive\Store{id}\Index", id == 1 ? "writeProtected" : "normal");
        }
        _stores[2].SearchIndexesNeedRebuild = true;
    }

    public bool Exists(int id) => _stores.ContainsKey(id);

    public FakeStore? Find(int id) => _stores.TryGetValue(id, out var store) ? store : null;

    public FakeStore? FindByName(string name) => _stores.Values.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<FakeStore> All => _stores.Values.OrderBy(s => s.Id).ToList();

    public FakeStore Add(string name, string type, string? databasePath, string? contentPath, string? indexPath, string? requestedState)
    {
        var id = Interlocked.Increment(ref _lastId);
        var store = new FakeStore
        {
            Id = id, Name = name, Type = type,
            DatabasePath = databasePath ?? $@"D:\MailArchive\Store{id}",
            ContentPath = contentPath ?? databasePath ?? $@"D:\MailArchive\Store{id}",
            IndexPath = indexPath ?? $@"D:\MailArchive\Store{id}\Index",
            // "current" keeps the state as it is, which for a new store is normal.
            RequestedState = requestedState is null or "current" ? "normal" : requestedState,
        };
        _stores[id] = store;
        return store;
    }

    public bool Remove(int id) => _stores.TryRemove(id, out _);

    public void Write(Utf8JsonWriter w, bool includeSize)
    {
        w.WriteStartArray();
        foreach (var store in All)
        {
            w.WriteStartObject();
            w.WriteNumber("id", store.Id);
            w.WriteString("name", store.Name);
            w.WriteString("requestedState", store.RequestedState);
            var error = store.Error ?? (store.Id == _options.DamagedStoreId ? "Store needs verification." : null);
            if (error == null) w.WriteNull("error"); else w.WriteString("error", error);
            // The server is not consistent about numbers: some arrive as strings.
            if (includeSize) w.WriteString("statisticsCount", (store.Id * 12345).ToString());
            if (includeSize) w.WriteNumber("statisticsSize", store.Id * 1_073_741_824L);
            w.WriteBoolean("needsUpgrade", store.NeedsUpgrade);
            w.WriteBoolean("searchIndexesNeedRebuild", store.SearchIndexesNeedRebuild);
            w.WriteString("databasePath", store.DatabasePath);
            w.WriteString("contentPath", store.ContentPath);
            w.WriteString("indexPath", store.IndexPath);
            w.WriteString("type", store.Type);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
