using System.Text.Json.Nodes;

namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>
/// SPE instances: listing, configuration, statistics, creation and deletion, and start/stop/restart/freeze/thaw as
/// tasks that move each matched instance through a transitional status (starting, stopping, ...) to its new one.
/// </summary>
internal sealed class FakeSpeInstanceFunctions : IFakeFunctions
{
    private readonly FakeMailStoreServer _server;

    public FakeSpeInstanceFunctions(FakeMailStoreServer server) => _server = server;

    private FakeSpeData Spe => _server.Spe;

    public void Register(FakeFunctionTable table)
    {
        table.Add("GetInstances", call => FakeSpeFunctions.WriteAll(Spe.Match(call.Text("instanceFilter")!).Select(Summary)));
        table.Add("GetInstanceConfiguration", call => FakeSpeFunctions.Write(Spe.Find(call.Text("instanceID"))!.Config.DeepClone()));
        table.Add("SetInstanceConfiguration", SetConfiguration);
        table.Add("GetInstanceStatistics", call => Statistics(Spe.Find(call.Text("instanceID"))!));
        table.Add("GetInstanceProcessLiveStatistics", call => LiveStatistics(Spe.Find(call.Text("instanceID"))!));
        table.Add("CreateInstance", Create);
        table.Add("DeleteInstances", call => Transition(call, "Deleting", "deleting", null));
        table.Add("StartInstances", call => Transition(call, "Starting", "starting", "running"));
        table.Add("StopInstances", call => Transition(call, "Stopping", "stopping", "stopped"));
        table.Add("RestartInstances", call => Transition(call, "Restarting", "restarting", "running"));
        table.Add("FreezeInstances", call => Transition(call, "Freezing", "freezing", "frozen"));
        table.Add("ThawInstances", call => Transition(call, "Thawing", "thawing", "running"));
    }

    private static JsonObject Summary(FakeSpeInstance instance) => new()
    {
        ["instanceID"] = instance.Id,
        ["alias"] = instance.Config["alias"]?.DeepClone(),
        ["displayName"] = instance.Config["displayName"]?.DeepClone(),
        ["instanceHost"] = instance.Config["instanceHost"]?.DeepClone(),
        ["startMode"] = instance.Config["startMode"]?.DeepClone(),
        ["processID"] = instance.Status == "stopped" ? 0 : instance.ProcessId,
        ["status"] = instance.Status,
        ["startStopError"] = null,
    };

    private Envelope SetConfiguration(FakeCall call)
    {
        var config = FakeSpeFunctions.Config(call);
        var instance = Spe.Find(config?["instanceID"]?.GetValue<string>());
        if (config == null || instance == null) return FakeCall.Invalid("config must be a JSON object naming an existing instanceID.");
        instance.Config = config;
        return Envelope.Succeeded(null);
    }

    private static Envelope Statistics(FakeSpeInstance instance) => FakeSpeFunctions.Write(new JsonObject
    {
        ["totalSizeMB"] = 1536.5,
        ["databaseFileSizeMB"] = 512.25,
        ["contentFileSizeMB"] = 768.25,
        ["indexFileSizeMB"] = 256,
        ["numberOfMessages"] = instance.Messages,
    });

    private static Envelope LiveStatistics(FakeSpeInstance instance) => FakeSpeFunctions.Write(new JsonObject
    {
        ["processUniqueID"] = $"{instance.ProcessId}-1",
        ["timestamp"] = "2026-01-15T10:00:00",
        ["totalProcessorMilliseconds"] = 123456,
        ["totalIOReadBytes"] = 1048576,
        ["totalIOWriteBytes"] = 524288,
        ["totalIOOtherBytes"] = 4096,
        ["totalRemoteProcedureCalls"] = 321,
        ["totalMessagesArchived"] = 42,
        ["totalMessagesChecked"] = 4200,
        ["currentPrivateMemoryBytes"] = 268435456,
    });

    private Envelope Create(FakeCall call)
    {
        var config = FakeSpeFunctions.Config(call);
        var id = config?["instanceID"]?.GetValue<string>();
        if (config == null || string.IsNullOrEmpty(id)) return FakeCall.Invalid("config must be a JSON object with an instanceID.");
        if (Spe.Find(id) != null) return Envelope.Failed($"Instance '{id}' already exists.", "MailStore.SPE.ManagementException: duplicate instance");
        var task = new FakeTask($"Creating instance '{id}'...\r\n");
        _ = Task.Run(async () =>
        {
            await Task.Delay(_server.Options.SpeTransitionDelay);
            task.Update(50, "Creating instance directories", "Creating the instance directories...\r\n");
            await Task.Delay(_server.Options.SpeTransitionDelay);
            var instance = Spe.Add(config);
            instance.Status = "stopped";
            task.Finish("succeeded", null, $"Instance '{id}' has been created.\r\n");
        });
        return call.Start(task);
    }

    // One task for the whole filter: each instance passes through the transitional status, then takes the final one
    // (null: removed). Instances that cannot make the move (start a frozen one, ...) end the task as failed.
    private Envelope Transition(FakeCall call, string verb, string during, string? final)
    {
        var instances = Spe.Match(call.Text("instanceFilter")!);
        if (instances.Count == 0) return Envelope.Failed($"No instance matches '{call.Text("instanceFilter")}'.", null);
        var task = new FakeTask($"{verb} {instances.Count} instance(s)...\r\n");
        _ = Task.Run(async () =>
        {
            var failed = new List<string>();
            for (int i = 0; i < instances.Count; i++)
            {
                var instance = instances[i];
                if (!CanMove(instance.Status, final))
                {
                    failed.Add(instance.Id);
                    task.Update((i + 1) * 100 / (instances.Count + 1), $"{verb} {instance.Id}", $"Instance '{instance.Id}' is {instance.Status}; skipped.\r\n");
                    continue;
                }
                instance.Status = during;
                task.Update(i * 100 / instances.Count, $"{verb} {instance.Id}", $"{verb} instance '{instance.Id}'...\r\n");
                await Task.Delay(_server.Options.SpeTransitionDelay);
                if (final == null) Spe.Instances.TryRemove(instance.Id, out _);
                else
                {
                    if (final == "running" && during != "thawing") instance.ProcessId = Spe.NextProcessId();
                    instance.Status = final;
                }
            }
            if (failed.Count > 0)
            {
                task.Finish("failed", new EnvelopeError($"{failed.Count} instance(s) could not be changed: {string.Join(", ", failed)}.", null), "Finished with errors.\r\n");
            }
            else task.Finish("succeeded", null, "Finished.\r\n");
        });
        return call.Start(task);
    }

    private static bool CanMove(string status, string? final) => final switch
    {
        "frozen" => status == "running",
        "running" when status == "frozen" => true,
        "running" => status is "running" or "stopped",
        _ => true,
    };
}
