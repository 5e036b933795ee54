using System.Text.Json;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// Archive stores (create, attach, rename, state, properties, detach, unlock), the long-running store and
/// maintenance tasks, search indexes, and the settings kept as a whole: store auto-create, compliance, retention.
/// Every task follows <see cref="FakeMailStoreOptions.MaintenanceSteps"/>, honours cancel-async, and ends "failed"
/// when it is <see cref="FakeMailStoreOptions.FailingFunction"/>.
/// </summary>
public sealed class FakeStoreFunctions : IFakeFunctions
{
    private readonly FakeMailStoreServer _server;

    public FakeStoreFunctions(FakeMailStoreServer server) => _server = server;

    private FakeStoreState Stores => _server.Data.Stores;
    private FakeMailStoreOptions Options => _server.Options;

    /// <summary>Store auto-create: a key the module does not know (futureOption) shows whether it survives a write.</summary>
    public FakeJsonSetting AutoCreate { get; } = new("""
        {"enabled":false,"interval":"yearly","nameTemplate":"Archive {yyyy}","basePath":"D:\\MailArchive","requestedStateOfPreviousStore":"writeProtected","futureOption":{"level":7,"tags":["x","y"]}}
        """);

    public FakeJsonSetting Compliance { get; } = new("""
        {"legalHoldEnabled":false,"logSuccessfulUserActivities":["login"],"auditingEnabled":true,"futureSetting":{"level":2,"list":[1,"two",null,true]}}
        """);

    public FakeJsonSetting Retention { get; } = new("""
        [{"name":"Default 10 years","retentionPeriod":10,"retentionPeriodUnit":"years","folders":["*"],"action":"delete","futureField":"kept"},{"name":"Sales 7 years","retentionPeriod":7,"retentionPeriodUnit":"years","folders":["sales/*"],"action":"delete","priority":2}]
        """);

    public void Register(FakeFunctionTable table)
    {
        table.Add("CreateStore", call => AddStore(call, call.Text("type") ?? "FileSystemInternal"));
        table.Add("AttachStore", call => AddStore(call, call.Text("type")!));
        table.Add("RenameStore", call => WithStore(call, store =>
        {
            if (Stores.FindByName(call.Text("name")!) is { } other && other.Id != store.Id) return FakeCall.Invalid($"A store named '{other.Name}' already exists.");
            store.Name = call.Text("name")!;
            return null;
        }));
        table.Add("SetStoreRequestedState", call => WithStore(call, store =>
        {
            var state = call.Text("requestedState")!;
            if (!FakeStoreState.States.Contains(state)) return FakeCall.Invalid($"'{state}' is not a valid store state.");
            if (state != "current") store.RequestedState = state;
            return null;
        }));
        table.Add("SetStoreProperties", call => WithStore(call, store =>
        {
            store.Type = call.Text("type") ?? store.Type;
            store.DatabasePath = call.Text("databasePath") ?? store.DatabasePath;
            store.ContentPath = call.Text("contentPath") ?? store.ContentPath;
            store.IndexPath = call.Text("indexPath") ?? store.IndexPath;
            return null;
        }));
        table.Add("DetachStore", call => WithStore(call, store =>
        {
            Stores.Remove(store.Id);
            return null;
        }));
        table.Add("UnlockStore", call => WithStore(call, store =>
            call.Text("passphrase") == Options.StorePassphrase ? null : Envelope.Failed("The passphrase is wrong.", "MailStore.Common.ApiException: wrong passphrase")));

        AddStoreTask(table, "CompactStore", null);
        AddStoreTask(table, "UpgradeStore", store => store.NeedsUpgrade = false);
        AddStoreTask(table, "RecoverStore", store => store.Error = null);
        AddStoreTask(table, "RecreateRecoveryRecords", null);
        AddStoreTask(table, "RepairStoreDatabase", store => store.Error = null);
        table.Add("MergeStore", call =>
        {
            var target = call.Int("id") is { } id ? Stores.Find(id) : null;
            var source = call.Int("sourceId") is { } sourceId ? Stores.Find(sourceId) : null;
            if (target == null || source == null) return Missing(target == null ? call.Text("id") : call.Text("sourceId"));
            if (target.Id == source.Id) return FakeCall.Invalid("A store cannot be merged into itself.");
            return StartTask(call, $"store {source.Id} into store {target.Id}", () => Stores.Remove(source.Id));
        });
        table.Add("VerifyStores", call => StartTask(call, "all stores", null));
        table.Add("UpgradeStores", call => StartTask(call, "all stores", () =>
        {
            foreach (var store in Stores.All) store.NeedsUpgrade = false;
        }));
        table.Add("CreateBackup", call => StartTask(call, call.Text("path")!, null));
        foreach (var function in new[] { "CompactMasterDatabase", "MaintainFileSystemDatabases", "RefreshAllStoreStatistics", "RetryOpenStores", "RenewMasterKey", "ProcessRetentionPolicies" })
        {
            table.Add(function, call => StartTask(call, "server", null));
        }

        table.Add("GetStoreIndexes", call =>
        {
            if (call.Int("id") is { } id && !Stores.Exists(id)) return Missing(call.Text("id"));
            var stores = call.Int("id") is { } only ? Stores.All.Where(s => s.Id == only) : Stores.All;
            return Envelope.Succeeded(w => WriteIndexes(w, stores));
        });
        table.Add("RebuildStoreIndex", call => WithStoreTask(call, store => StartTask(call, $"store {store.Id} folder {call.Text("folder")}",
            () => store.SearchIndexesNeedRebuild = false)));
        table.Add("SelectAllStoreIndexesForRebuild", call => StartTask(call, "all stores", () =>
        {
            foreach (var store in Stores.All) store.SearchIndexesNeedRebuild = true;
        }));
        table.Add("RebuildSelectedStoreIndexes", call => StartTask(call, "selected indexes", () =>
        {
            foreach (var store in Stores.All) store.SearchIndexesNeedRebuild = false;
        }));

        AddSetting(table, "StoreAutoCreateConfiguration", AutoCreate, null);
        AddSetting(table, "ComplianceConfiguration", Compliance, null);
        table.Add("GetRetentionPolicies", _ => Envelope.Succeeded(Retention.Write));
        table.Add("SetRetentionPolicies", call => Settled(Retention.Set(call.Text("config"), ValidateRetention)));
    }

    /// <summary>The folders of the fake's archives: one per user of the first users, plus a shared one.</summary>
    private static void WriteIndexes(Utf8JsonWriter w, IEnumerable<FakeStore> stores)
    {
        w.WriteStartArray();
        foreach (var store in stores)
        {
            foreach (var folder in new[] { "user000001", "user000002", "shared/sales" })
            {
                w.WriteStartObject();
                w.WriteNumber("storeId", store.Id);
                w.WriteString("folder", folder);
                w.WriteBoolean("needsRebuild", store.SearchIndexesNeedRebuild);
                w.WriteNumber("size", 1_048_576L * (folder.Length + store.Id));
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }

    private static string? ValidateRetention(JsonElement policies)
    {
        foreach (var policy in policies.EnumerateArray())
        {
            if (!policy.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String) return "Every retention policy needs a name.";
            if (!policy.TryGetProperty("retentionPeriod", out var period) || !period.TryGetInt32(out var value) || value <= 0)
            {
                return $"Retention policy '{name.GetString()}' needs a positive retention period.";
            }
        }
        return null;
    }

    private static Envelope Settled(string? problem) => problem == null ? Envelope.Succeeded(null) : FakeCall.Invalid(problem);

    private static void AddSetting(FakeFunctionTable table, string noun, FakeJsonSetting setting, Func<JsonElement, string?>? validate)
    {
        table.Add("Get" + noun, _ => Envelope.Succeeded(setting.Write));
        table.Add("Set" + noun, call => Settled(setting.Set(call.Text("config"), validate)));
    }

    private Envelope AddStore(FakeCall call, string type)
    {
        var name = call.Text("name")!;
        var state = call.Text("requestedState");
        if (state != null && !FakeStoreState.States.Contains(state)) return FakeCall.Invalid($"'{state}' is not a valid store state.");
        if (Stores.FindByName(name) != null) return FakeCall.Invalid($"A store named '{name}' already exists.");
        Stores.Add(name, type, call.Text("databasePath"), call.Text("contentPath"), call.Text("indexPath"), state);
        return Envelope.Succeeded(null);
    }

    private static Envelope Missing(string? id) => Envelope.Failed($"Store {id} does not exist.", "MailStore.Common.ApiException: store not found");

    private Envelope WithStore(FakeCall call, Func<FakeStore, Envelope?> change)
    {
        var store = call.Int("id") is { } id ? Stores.Find(id) : null;
        if (store == null) return Missing(call.Text("id"));
        return change(store) ?? Envelope.Succeeded(null);
    }

    private Envelope WithStoreTask(FakeCall call, Func<FakeStore, Envelope> start)
    {
        var store = call.Int("id") is { } id ? Stores.Find(id) : null;
        return store == null ? Missing(call.Text("id")) : start(store);
    }

    private void AddStoreTask(FakeFunctionTable table, string function, Action<FakeStore>? onSuccess) =>
        table.Add(function, call => WithStoreTask(call, store => StartTask(call, $"store {store.Id}", onSuccess == null ? null : () => onSuccess(store))));

    /// <summary>A task in steps: a status change after each but the last, then the end (or a cancellation between steps).</summary>
    private Envelope StartTask(FakeCall call, string target, Action? onSuccess)
    {
        var function = call.Function;
        var steps = Math.Max(1, Options.MaintenanceSteps);
        var task = new FakeTask($"{function}: {target}\r\n");
        _ = Task.Run(async () =>
        {
            for (int step = 1; step <= steps; step++)
            {
                await Task.Delay(Options.MaintenanceStepDelay);
                if (task.CancelRequested)
                {
                    task.Finish("cancelled", null, "Cancelled by request.\r\n");
                    return;
                }
                if (step < steps) task.Update(step * 100 / steps, $"{function} {target}", $"  Step {step} of {steps} done.\r\n");
            }
            if (function == Options.FailingFunction)
            {
                task.Finish("failed", new EnvelopeError($"{function} failed on {target}: the disk is full.", "System.IO.IOException: disk full"),
                    "Finished with errors.\r\n");
                return;
            }
            onSuccess?.Invoke();
            task.Finish("succeeded", null, "Finished.\r\n");
        });
        return call.Start(task);
    }
}
