using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Archive folders: listing (GetChildFolders), statistics, moving, removing empty folders.</summary>
    public static class MsFolderOperations
    {
        /// <summary>
        /// Get-MsFolder: the folders below <paramref name="path"/> (the user archives when null) down to
        /// <paramref name="depth"/> levels (null: all), filtered by a wildcard on the path. A server whose compliance
        /// settings limit GetChildFolders to one level is walked one level at a time.
        /// </summary>
        public static async Task GetFoldersAsync(MsConnection connection, string? path, int? depth, string? filter, OperationContext context,
            CancellationToken cancellationToken)
        {
            var root = NormalizeOptional(path);
            var wildcard = string.IsNullOrEmpty(filter) ? null : new Wildcard(filter!);
            if (depth is { } d && d < 1) throw MsUserInput.Invalid("InvalidDepth", "The depth must be 1 or more.", depth);
            if (root != null) await EnsureFolderExistsAsync(connection, root, context, cancellationToken).ConfigureAwait(false);
            void Write(MsFolder folder)
            {
                if (wildcard == null || wildcard.IsMatch(folder.Path)) context.WriteObject(folder);
            }

            var rootLevel = root == null ? 0 : Split(root).Length;
            var pending = new List<MsFolder>();
            var deepest = rootLevel;
            await ListFoldersAsync(connection, root, depth, folder =>
            {
                deepest = Math.Max(deepest, folder.Level);
                pending.Add(folder);
                Write(folder);
            }, context, cancellationToken).ConfigureAwait(false);
            // Asked for more than one level and got only one: the compliance restriction; go on level by level.
            if (depth != 1 && pending.Count > 0 && deepest == rootLevel + 1)
            {
                context.Log(LogLevel.Verbose, "GetChildFolders answered one level only (compliance settings can limit it); listing the next levels folder by folder.");
                var level = 1;
                while (pending.Count > 0 && (depth == null || level < depth))
                {
                    var next = new List<MsFolder>();
                    foreach (var parent in pending)
                    {
                        await ListFoldersAsync(connection, parent.Path, 1, child =>
                        {
                            if (child.Level != parent.Level + 1) return;
                            next.Add(child);
                            Write(child);
                        }, context, cancellationToken).ConfigureAwait(false);
                    }
                    pending = next;
                    level++;
                }
            }
        }

        /// <summary>GetChildFolders once, each entry handed over as a typed folder.</summary>
        public static Task ListFoldersAsync(MsConnection connection, string? parent, int? maxLevels, Action<MsFolder> onFolder,
            OperationContext context, CancellationToken cancellationToken)
        {
            var arguments = new List<KeyValuePair<string, object?>>();
            if (parent != null) arguments.Add(new KeyValuePair<string, object?>("folder", parent));
            if (maxLevels != null) arguments.Add(new KeyValuePair<string, object?>("maxLevels", maxLevels));
            return connection.InvokeAsync("GetChildFolders", arguments, item =>
            {
                var folderPath = ReadPath(item);
                if (folderPath == null) return;
                onFolder(ToFolder(connection, folderPath));
            }, context, cancellationToken, parent);
        }

        /// <summary>The top-level folders (user archives), in a set that compares names as the server does (any case).</summary>
        public static async Task<HashSet<string>> GetUserArchivesAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await ListFoldersAsync(connection, null, 1, f =>
            {
                if (f.Level == 1) names.Add(f.Path);
            }, context, cancellationToken).ConfigureAwait(false);
            return names;
        }

        /// <summary>Throws MailStoreFolderNotFound unless the folder exists (its parent's listing names it).</summary>
        public static async Task EnsureFolderExistsAsync(MsConnection connection, string path, OperationContext context, CancellationToken cancellationToken)
        {
            var segments = Split(path);
            var parent = segments.Length == 1 ? null : string.Join("/", segments.Take(segments.Length - 1));
            var found = false;
            try
            {
                await ListFoldersAsync(connection, parent, 1, f => found |= string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase),
                    context, cancellationToken).ConfigureAwait(false);
            }
            catch (MsApiException)
            {
                // The parent does not exist either.
            }
            if (!found) throw FolderNotFound(connection, path);
        }

        /// <summary>Get-MsFolderStatistic: GetFolderStatistics as a task (progress, Ctrl+C cancels), one object per folder.</summary>
        public static Task GetStatisticsAsync(MsConnection connection, string? filter, OperationContext context, CancellationToken cancellationToken)
        {
            var wildcard = string.IsNullOrEmpty(filter) ? null : new Wildcard(filter!);
            var request = new MsTaskRequest("GetFolderStatistics")
            {
                ReadItem = item =>
                {
                    var statistic = ReadStatistic(item);
                    if (statistic == null || (wildcard != null && !wildcard.IsMatch(statistic.Folder))) return null;
                    statistic.ComputerName = connection.ComputerName;
                    return statistic;
                },
            };
            return MsTaskOperations.RunAsync(connection, request, false, new SkipNulls(context), cancellationToken);
        }

        /// <summary>Move-MsFolder: MoveFolder as a task, after checking the source exists and the target does not.</summary>
        public static async Task MoveFolderAsync(MsConnection connection, string path, string destination, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            var from = Normalize(path);
            var to = Normalize(destination);
            if (string.Equals(from, to, StringComparison.Ordinal)) throw MsUserInput.Invalid("InvalidFolderPath", $"'{from}' is already there.", from);
            if (to.StartsWith(from + "/", StringComparison.OrdinalIgnoreCase))
                throw MsUserInput.Invalid("InvalidFolderPath", $"'{from}' cannot be moved into itself ('{to}').", to);
            await EnsureFolderExistsAsync(connection, from, context, cancellationToken).ConfigureAwait(false);
            var request = new MsTaskRequest("MoveFolder", new[]
            {
                new KeyValuePair<string, object?>("fromFolder", from),
                new KeyValuePair<string, object?>("toFolder", to),
            }, from) { Change = ("Move folder", $"'{from}' to '{to}' on {connection.ComputerName}") };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
            MsCompletionCache.Invalidate(connection);
        }

        /// <summary>Remove-MsEmptyFolder: DeleteEmptyFolders below a folder (the whole archive when null) as a task.</summary>
        public static async Task RemoveEmptyFoldersAsync(MsConnection connection, string? path, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            var folder = NormalizeOptional(path);
            if (folder != null) await EnsureFolderExistsAsync(connection, folder, context, cancellationToken).ConfigureAwait(false);
            var arguments = folder == null ? null : new[] { new KeyValuePair<string, object?>("folder", folder) };
            var request = new MsTaskRequest("DeleteEmptyFolders", arguments, folder ?? "(all)")
            {
                Change = ("Remove empty folders", folder == null ? $"the whole archive on {connection.ComputerName}" : $"below '{folder}' on {connection.ComputerName}"),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
            MsCompletionCache.Invalidate(connection);
        }

        public static MailStoreAdminException FolderNotFound(MsConnection connection, string path) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreFolderNotFound",
                $"There is no archive folder '{path}' on {connection.ComputerName}.", path,
                recommendedAction: "Get-MsFolder lists the folders; paths use '/' between levels, starting with the user archive.");

        /// <summary>A folder path as the server writes it: '/' between levels, no leading or trailing '/', '\' taken as '/'.</summary>
        public static string Normalize(string? path)
        {
            var text = MsUserInput.Name(path, "folder path");
            var segments = Split(text);
            if (segments.Length == 0) throw MsUserInput.Invalid("InvalidFolderPath", $"'{path}' is not a folder path.", path);
            return string.Join("/", segments);
        }

        private static string? NormalizeOptional(string? path) => string.IsNullOrWhiteSpace(path) ? null : Normalize(path);

        private static string[] Split(string path) =>
            path.Replace('\\', '/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();

        private static MsFolder ToFolder(MsConnection connection, string path)
        {
            var segments = Split(path);
            return new MsFolder
            {
                Path = string.Join("/", segments),
                Name = segments.Length == 0 ? string.Empty : segments[segments.Length - 1],
                Parent = segments.Length <= 1 ? string.Empty : string.Join("/", segments.Take(segments.Length - 1)),
                Level = segments.Length,
                ComputerName = connection.ComputerName,
            };
        }

        /// <summary>A folder entry: a path string, or an object whose folder/path/name property holds it.</summary>
        internal static string? ReadPath(JsonElement item)
        {
            if (item.ValueKind == JsonValueKind.String) return item.GetString();
            if (item.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "folder", "path", "fullPath", "name" })
            {
                if (TryGet(item, name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
            }
            return null;
        }

        private static MsFolderStatistic? ReadStatistic(JsonElement item)
        {
            var path = ReadPath(item);
            if (path == null) return null;
            return new MsFolderStatistic { Folder = path, Count = Number(item, "count", "messageCount"), Size = Number(item, "size", "sizeBytes") };
        }

        private static long? Number(JsonElement item, params string[] names)
        {
            foreach (var name in names)
            {
                if (!TryGet(item, name, out var value)) continue;
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n)) return n;
                if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer,
                    System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
            }
            return null;
        }

        // Key casing varies between server versions.
        private static bool TryGet(JsonElement item, string name, out JsonElement value)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }

        /// <summary>Passes everything on except null objects (statistics filtered out by the wildcard).</summary>
        private sealed class SkipNulls : OperationContext
        {
            private readonly OperationContext _inner;
            public SkipNulls(OperationContext inner) => _inner = inner;
            public override bool IsDebugEnabled => _inner.IsDebugEnabled;
            public override void WriteObject(object? value)
            {
                if (value != null) _inner.WriteObject(value);
            }
            public override void WriteError(MailStoreAdminException error) => _inner.WriteError(error);
            public override void Log(LogLevel level, string message) => _inner.Log(level, message);
            public override void OnTaskStatus(MsTaskStatus status) => _inner.OnTaskStatus(status);
            public override bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);
        }
    }
}
