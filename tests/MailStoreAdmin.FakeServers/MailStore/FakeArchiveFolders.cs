namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// The archive folder tree: one user archive per generated user (with Inbox, Sent Items, sometimes Inbox/Projects
/// and an empty Old folder), plus archives of users created through the API. Paths use '/'; names compare without
/// regard to case. Each folder has a message count and size for GetFolderStatistics. Thread-safe (one lock).
/// </summary>
public sealed class FakeArchiveFolders
{
    private readonly object _gate = new();
    private readonly List<string> _paths = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _spelling = new(StringComparer.OrdinalIgnoreCase);

    public FakeArchiveFolders(int generatedUsers)
    {
        for (int i = 1; i <= generatedUsers; i++)
        {
            var root = FakeMailStoreData.UserNameAt(i);
            Add(root, 0);
            Add(root + "/Inbox", 10 + i % 7);
            Add(root + "/Sent Items", 5);
            if (i % 3 == 0) Add(root + "/Inbox/Projects", 3);
            if (i % 4 == 0) Add(root + "/Old", 0);
        }
    }

    public bool Exists(string path)
    {
        lock (_gate) return _counts.ContainsKey(path);
    }

    /// <summary>The spelling the archive uses for a path given in any case.</summary>
    public string? Canonical(string path)
    {
        lock (_gate) return _spelling.TryGetValue(path, out var spelled) ? spelled : null;
    }

    public void Add(string path, long count)
    {
        lock (_gate)
        {
            if (_counts.ContainsKey(path)) return;
            _paths.Add(path);
            _counts[path] = count;
            _spelling[path] = path;
        }
    }

    /// <summary>The folders below <paramref name="parent"/> (the root when null) down to <paramref name="maxLevels"/> levels.</summary>
    public IReadOnlyList<string> Children(string? parent, int? maxLevels)
    {
        lock (_gate)
        {
            var baseDepth = parent == null ? 0 : Depth(parent);
            return _paths.Where(p => (parent == null || p.StartsWith(parent + "/", StringComparison.OrdinalIgnoreCase))
                    && (maxLevels == null || Depth(p) - baseDepth <= maxLevels))
                .ToList();
        }
    }

    public IReadOnlyList<(string Path, long Count)> Statistics()
    {
        lock (_gate) return _paths.Select(p => (p, _counts[p])).ToList();
    }

    /// <summary>Renames a folder and everything below it; false when the source is missing or the target exists.</summary>
    public bool Move(string from, string to)
    {
        lock (_gate)
        {
            if (!_counts.ContainsKey(from) || _counts.ContainsKey(to)) return false;
            for (int i = 0; i < _paths.Count; i++)
            {
                var path = _paths[i];
                if (!string.Equals(path, from, StringComparison.OrdinalIgnoreCase) && !path.StartsWith(from + "/", StringComparison.OrdinalIgnoreCase)) continue;
                var moved = to + path.Substring(from.Length);
                _counts[moved] = _counts[path];
                _counts.Remove(path);
                _spelling.Remove(path);
                _spelling[moved] = moved;
                _paths[i] = moved;
            }
            return true;
        }
    }

    /// <summary>Deletes folders without messages and without child folders below <paramref name="root"/> (never a user archive).</summary>
    public IReadOnlyList<string> DeleteEmpty(string? root)
    {
        lock (_gate)
        {
            var deleted = new List<string>();
            foreach (var path in _paths.OrderByDescending(Depth).ToList())
            {
                if (Depth(path) == 1 || _counts[path] != 0) continue;
                if (root != null && !path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase)) continue;
                if (_paths.Any(p => p.StartsWith(path + "/", StringComparison.OrdinalIgnoreCase))) continue;
                _paths.Remove(path);
                _counts.Remove(path);
                _spelling.Remove(path);
                deleted.Add(path);
            }
            return deleted;
        }
    }

    private static int Depth(string path) => path.Count(c => c == '/') + 1;
}
