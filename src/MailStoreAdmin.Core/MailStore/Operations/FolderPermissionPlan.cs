using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>One wanted access: a user's access to a folder.</summary>
    public sealed class DesiredFolderPermission
    {
        public DesiredFolderPermission(string userName, string folder, MsFolderAccess access)
        {
            UserName = userName;
            Folder = folder;
            Access = access;
        }

        public string UserName { get; }
        public string Folder { get; }
        public MsFolderAccess Access { get; }
    }

    /// <summary>Which users and folders a desired-state run manages; empty lists mean all.</summary>
    public sealed class FolderPermissionScope
    {
        private readonly Wildcard[] _folders;
        private readonly Wildcard[] _users;

        public FolderPermissionScope(IEnumerable<string>? folders, IEnumerable<string>? users)
        {
            _folders = (folders ?? Enumerable.Empty<string>()).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => new Wildcard(f.Trim())).ToArray();
            _users = (users ?? Enumerable.Empty<string>()).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => new Wildcard(u.Trim())).ToArray();
        }

        public bool IncludesUser(string userName) => _users.Length == 0 || _users.Any(w => w.IsMatch(userName));
        public bool IncludesFolder(string folder) => _folders.Length == 0 || _folders.Any(w => w.IsMatch(folder));
        public bool Includes(string userName, string folder) => IncludesUser(userName) && IncludesFolder(folder);
    }

    /// <summary>
    /// The pure part of folder access as desired state: reading the wanted entries from whatever the pipeline gives
    /// (CSV rows, hashtables, Get-MsFolderPermission output) and the difference to what users have now.
    /// User names and folders compare as the server compares them: without regard to case.
    /// </summary>
    public static class FolderPermissionPlan
    {
        private static readonly string[] UserKeys = { "UserName", "User", "Name" };
        private static readonly string[] FolderKeys = { "Folder", "Path", "FolderPath" };
        private static readonly string[] AccessKeys = { "Access", "NewAccess", "Privileges" };

        /// <summary>
        /// Reads and checks every entry; all problems are reported together (row numbers from 1). Entries for the same
        /// user and folder combine their access.
        /// </summary>
        public static IReadOnlyList<DesiredFolderPermission> ReadDesiredState(IEnumerable<object?> entries)
        {
            var result = new List<DesiredFolderPermission>();
            var index = new Dictionary<(string, string), int>(PairComparer.Instance);
            var problems = new List<string>();
            var row = 0;
            foreach (var entry in entries)
            {
                row++;
                try
                {
                    var desired = ReadOne(entry, row);
                    var key = (desired.UserName, desired.Folder);
                    if (index.TryGetValue(key, out var at))
                    {
                        var before = result[at];
                        result[at] = new DesiredFolderPermission(before.UserName, before.Folder, before.Access | desired.Access);
                    }
                    else
                    {
                        index[key] = result.Count;
                        result.Add(desired);
                    }
                }
                catch (Errors.MailStoreAdminException e)
                {
                    problems.Add($"row {row}: {e.Message}");
                }
            }
            if (problems.Count > 0)
            {
                var shown = string.Join("; ", problems.Take(10)) + (problems.Count > 10 ? $"; and {problems.Count - 10} more" : string.Empty);
                throw MsUserInput.Invalid("InvalidDesiredState", $"The desired state has {problems.Count} invalid entr{(problems.Count == 1 ? "y" : "ies")}: {shown}",
                    null);
            }
            return result;
        }

        private static DesiredFolderPermission ReadOne(object? entry, int row)
        {
            switch (entry)
            {
                case MsFolderPermission p:
                    return Checked(p.UserName, p.Folder, p.Access, row);
                case MsFolderPermissionChange c:
                    return Checked(c.UserName, c.Folder, c.NewAccess, row);
                case IDictionary d:
                    return Checked(Find(d, UserKeys), Find(d, FolderKeys), Find(d, AccessKeys) ?? Missing("Access"), row);
                default:
                    throw MsUserInput.Invalid("InvalidDesiredState", "expected an object with UserName, Folder and Access", row);
            }
        }

        private static object Missing(string what) => throw MsUserInput.Invalid("InvalidDesiredState", $"{what} is missing", null);

        private static DesiredFolderPermission Checked(object? user, object? folder, object access, int row)
        {
            if (user == null || string.IsNullOrWhiteSpace(user.ToString())) Missing("UserName");
            if (folder == null || string.IsNullOrWhiteSpace(folder.ToString())) Missing("Folder");
            var userName = MsUserInput.Name(user!.ToString(), "user name");
            var path = MsFolderOperations.Normalize(folder!.ToString());
            return new DesiredFolderPermission(userName, path, MsUserInput.ParseAccess(access, row));
        }

        private static object? Find(IDictionary dictionary, string[] keys)
        {
            foreach (DictionaryEntry item in dictionary)
            {
                var name = item.Key?.ToString();
                if (name != null && keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))) return item.Value;
            }
            return null;
        }

        /// <summary>
        /// The changes that make <paramref name="users"/> (as read, in that order) match <paramref name="desired"/>:
        /// a listed access that differs is granted, changed or (None) revoked; with <paramref name="removeUnlisted"/>,
        /// access in scope that is not listed is revoked, except a user's access to the archive named after them.
        /// </summary>
        public static IReadOnlyList<MsFolderPermissionChange> Diff(IEnumerable<MsUser> users, IReadOnlyList<DesiredFolderPermission> desired,
            FolderPermissionScope scope, bool removeUnlisted)
        {
            var byUser = desired.GroupBy(d => d.UserName, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            var changes = new List<MsFolderPermissionChange>();
            foreach (var user in users)
            {
                var userName = user.UserName ?? string.Empty;
                if (!scope.IncludesUser(userName)) continue;
                var current = Current(user);
                var wanted = byUser.TryGetValue(userName, out var list) ? list : new List<DesiredFolderPermission>();
                foreach (var want in wanted)
                {
                    if (!scope.IncludesFolder(want.Folder)) continue;
                    var had = current.TryGetValue(want.Folder, out var access) ? access : MsFolderAccess.None;
                    if (had != want.Access) changes.Add(Change(userName, want.Folder, had, want.Access));
                }
                if (!removeUnlisted) continue;
                foreach (var pair in current)
                {
                    if (pair.Value == MsFolderAccess.None || !scope.IncludesFolder(pair.Key)) continue;
                    if (string.Equals(pair.Key, userName, StringComparison.OrdinalIgnoreCase)) continue;
                    if (wanted.Any(w => string.Equals(w.Folder, pair.Key, StringComparison.OrdinalIgnoreCase))) continue;
                    changes.Add(Change(userName, pair.Key, pair.Value, MsFolderAccess.None));
                }
            }
            return changes;
        }

        /// <summary>A user's access per folder from GetUserInfo, keyed without regard to case.</summary>
        public static Dictionary<string, MsFolderAccess> Current(MsUser user)
        {
            var current = new Dictionary<string, MsFolderAccess>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in user.PrivilegesOnFolders)
            {
                if (string.IsNullOrEmpty(entry.Folder)) continue;
                var access = MsUserInput.ParseServerAccess(entry.Privileges);
                current[entry.Folder!] = current.TryGetValue(entry.Folder!, out var before) ? before | access : access;
            }
            return current;
        }

        public static MsFolderPermissionChange Change(string userName, string folder, MsFolderAccess had, MsFolderAccess want) => new MsFolderPermissionChange
        {
            Action = had == MsFolderAccess.None ? MsFolderPermissionAction.Grant
                : want == MsFolderAccess.None ? MsFolderPermissionAction.Revoke : MsFolderPermissionAction.Change,
            UserName = userName,
            Folder = folder,
            OldAccess = had,
            NewAccess = want,
        };

        private sealed class PairComparer : IEqualityComparer<(string, string)>
        {
            public static readonly PairComparer Instance = new PairComparer();

            public bool Equals((string, string) x, (string, string) y) =>
                StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1) && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2);

            public int GetHashCode((string, string) obj) =>
                StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item1) * 31 + StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item2);
        }
    }
}
