using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Folders: GetChildFolders (one level only when <see cref="FakeMailStoreOptions.ChildFoldersOneLevel"/> plays the
/// compliance restriction), and the long-running GetFolderStatistics, MoveFolder and DeleteEmptyFolders.
/// </summary>
internal sealed class FakeFolderFunctions : IFakeFunctions
{
    private readonly FakeMailStoreServer _server;

    public FakeFolderFunctions(FakeMailStoreServer server) => _server = server;

    private FakeArchiveFolders Folders => _server.Folders;

    public void Register(FakeFunctionTable table)
    {
        table.Add("GetChildFolders", async call =>
        {
            await FakeUserFunctions.DelayAsync(_server, call);
            var parent = call.Text("folder");
            if (parent != null && !Folders.Exists(parent)) return Envelope.Failed($"Folder '{parent}' does not exist.", null);
            var levels = _server.Options.ChildFoldersOneLevel ? 1 : call.Int("maxLevels");
            var children = Folders.Children(parent == null ? null : Folders.Canonical(parent), levels);
            return Envelope.Succeeded(w =>
            {
                w.WriteStartArray();
                foreach (var path in children)
                {
                    w.WriteStartObject();
                    w.WriteString("folder", path);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        });
        table.Add("GetFolderStatistics", call => call.Start(Run("Collecting folder statistics...\r\n", task =>
        {
            var statistics = Folders.Statistics();
            task.Result = w =>
            {
                w.WriteStartArray();
                foreach (var (path, count) in statistics)
                {
                    w.WriteStartObject();
                    w.WriteString("folder", path);
                    w.WriteNumber("count", count);
                    w.WriteNumber("size", count * 52_000);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            };
            return $"{statistics.Count} folders.\r\n";
        })));
        table.Add("MoveFolder", call =>
        {
            var from = call.Text("fromFolder")!;
            var to = call.Text("toFolder")!;
            var source = Folders.Canonical(from);
            if (source == null) return Envelope.Failed($"Folder '{from}' does not exist.", null);
            return call.Start(Run($"Moving folder {from} to {to}...\r\n", _ =>
                Folders.Move(source, to) ? "Finished.\r\n" : throw new InvalidOperationException($"Folder '{to}' already exists.")));
        });
        table.Add("DeleteEmptyFolders", call =>
        {
            var root = call.Text("folder");
            if (root != null && !Folders.Exists(root)) return Envelope.Failed($"Folder '{root}' does not exist.", null);
            return call.Start(Run("Deleting empty folders...\r\n", _ =>
            {
                var deleted = Folders.DeleteEmpty(root == null ? null : Folders.Canonical(root));
                return string.Concat(deleted.Select(d => $"Deleted {d}\r\n")) + $"{deleted.Count} folders deleted.\r\n";
            }));
        });
    }

    /// <summary>A task that reports progress in a few steps, can be cancelled between them, and then does its work.</summary>
    private FakeTask Run(string initialLog, Func<FakeTask, string> work)
    {
        var task = new FakeTask(initialLog);
        _ = Task.Run(async () =>
        {
            for (int step = 1; step <= _server.Options.VerifySteps; step++)
            {
                await Task.Delay(_server.Options.VerifyStepDelay);
                if (task.CancelRequested)
                {
                    task.Finish("cancelled", null, "Cancelled by request.\r\n");
                    return;
                }
                task.Update(step * 100 / (_server.Options.VerifySteps + 1), "Working", "");
            }
            try
            {
                task.Finish("succeeded", null, work(task));
            }
            catch (InvalidOperationException e)
            {
                task.Finish("failed", new EnvelopeError(e.Message, null), "Failed.\r\n");
            }
        });
        return task;
    }
}
