namespace MailStoreAdmin.FakeServers.MailStore;

/// <summary>Server info, stores, store verification and directory services (users: <see cref="FakeUserFunctions"/>).</summary>
internal sealed class FakeCoreFunctions : IFakeFunctions
{
    private readonly FakeMailStoreServer _server;

    public FakeCoreFunctions(FakeMailStoreServer server) => _server = server;

    private FakeMailStoreData Data => _server.Data;
    private FakeMailStoreOptions Options => _server.Options;

    public void Register(FakeFunctionTable table)
    {
        table.Add("GetServerInfo", _ => Envelope.Succeeded(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", "25.3.1.23456");
            w.WriteString("machineName", "FAKE-MAILSTORE");
            w.WriteEndObject();
        }));
        table.Add("GetStores", call => Envelope.Succeeded(w => Data.WriteStores(w, call.Bool("includeSize"))));
        table.Add("VerifyStore", call =>
        {
            var id = call.Int("id");
            if (id is not { } storeId || !Data.StoreExists(storeId)) return Envelope.Failed($"Store {call.Text("id")} does not exist.", null);
            return call.Start(StartVerification(storeId, call.Bool("includeIndexes")));
        });
        table.Add("GetDirectoryServicesConfiguration", _ => Envelope.Succeeded(_server.DirectoryServices.WriteConfiguration));
        table.Add("SetDirectoryServicesConfiguration", call =>
        {
            var problem = _server.DirectoryServices.Configure(call.Text("config")!);
            return problem == null ? Envelope.Succeeded(null) : FakeCall.Invalid(problem);
        });
        table.Add("SyncUsersWithDirectoryServices", call => call.Start(_server.DirectoryServices.StartSync(call.Bool("dryRun"))));
    }

    private FakeTask StartVerification(int id, bool includeIndexes)
    {
        var task = new FakeTask($"Verifying file group #{id}...\r\nCreating a list of messages to be verified...\r\n");
        _ = Task.Run(async () =>
        {
            for (int step = 1; step <= Options.VerifySteps; step++)
            {
                await Task.Delay(Options.VerifyStepDelay);
                if (task.CancelRequested)
                {
                    task.Finish("cancelled", null, "Cancelled by request.\r\n");
                    return;
                }
                task.Update(step * 100 / (Options.VerifySteps + 1), $"Verifying store {id}",
                    $"  {step * 100} messages verified...\r\n");
            }
            if (includeIndexes) task.Update(99, "Verifying search indexes", "Verifying search indexes...\r\n");
            if (id == Options.DamagedStoreId)
            {
                task.Finish("failed", new EnvelopeError($"Store {id} is damaged: 2 messages could not be read.", "at MailStore.Server.Verify()"),
                    "Finished. 2 errors have been found.\r\n");
            }
            else
            {
                task.Finish("succeeded", null, $"  {Options.VerifySteps * 100} messages verified.\r\nFinished. No errors have been found.\r\n");
            }
        });
        return task;
    }
}
