using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Stores;

/// <summary>The long-running store and maintenance functions, all through the one task loop.</summary>
public class MaintenanceTaskTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, Func<MsConnection, OperationContext, CancellationToken, Task>> Tasks => new()
    {
        { "CompactStore", (c, x, t) => MsMaintenanceOperations.CompactStoreAsync(c, 2, false, x, t) },
        { "UpgradeStore", (c, x, t) => MsMaintenanceOperations.UpgradeStoreAsync(c, 2, false, x, t) },
        { "UpgradeStores", (c, x, t) => MsMaintenanceOperations.UpgradeAllStoresAsync(c, false, x, t) },
        { "RecreateRecoveryRecords", (c, x, t) => MsMaintenanceOperations.RecreateRecoveryRecordsAsync(c, 2, false, x, t) },
        { "RepairStoreDatabase", (c, x, t) => MsMaintenanceOperations.RepairStoreDatabaseAsync(c, 2, false, x, t) },
        { "VerifyStores", (c, x, t) => MsMaintenanceOperations.VerifyAllStoresAsync(c, true, false, x, t) },
        { "CreateBackup", (c, x, t) => MsMaintenanceOperations.CreateBackupAsync(c, @"E:\Backup", true, false, x, t) },
        { "CompactMasterDatabase", (c, x, t) => MsMaintenanceOperations.CompactMasterDatabaseAsync(c, false, x, t) },
        { "MaintainFileSystemDatabases", (c, x, t) => MsMaintenanceOperations.MaintainFileSystemDatabasesAsync(c, false, x, t) },
        { "RefreshAllStoreStatistics", (c, x, t) => MsMaintenanceOperations.RefreshStoreStatisticsAsync(c, false, x, t) },
        { "RetryOpenStores", (c, x, t) => MsMaintenanceOperations.RetryOpenStoresAsync(c, false, x, t) },
        { "RenewMasterKey", (c, x, t) => MsMaintenanceOperations.RenewMasterKeyAsync(c, false, x, t) },
        { "ProcessRetentionPolicies", (c, x, t) => MsRetentionOperations.ProcessPoliciesAsync(c, false, x, t) },
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Each_task_reports_progress_and_its_log_and_ends_with_a_result(string function,
        Func<MsConnection, OperationContext, CancellationToken, Task> run)
    {
        await using var server = await Fake.StartAsync(o => o.MaintenanceSteps = 3);
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await run(connection, context, None);

        var result = context.Single<MsTaskResult>();
        Assert.Equal(function, result.Function);
        Assert.Equal("succeeded", result.StatusCode);
        Assert.Equal("Finished.", result.Log[^1]);
        Assert.Contains(context.Statuses, s => s.StatusCode == "running" && s.PercentProgress is > 0 and < 100);
        Assert.True(context.Statuses[^1].IsFinal);
        Assert.Single(context.ShouldProcessTargets);
        Assert.Single(server.CallsTo("/" + function));
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task What_if_sends_no_task(string function, Func<MsConnection, OperationContext, CancellationToken, Task> run)
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext { Confirm = false };
        await run(connection, context, None);
        Assert.Empty(server.CallsTo("/" + function));
        Assert.Empty(context.Objects);
        Assert.Single(context.ShouldProcessTargets);
    }

    [Fact]
    public async Task A_failed_task_is_an_api_error_naming_the_store()
    {
        await using var server = await Fake.StartAsync(o => o.FailingFunction = "CompactStore");
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MsApiException>(() => MsMaintenanceOperations.CompactStoreAsync(connection, 1, false, new RecordingContext(), None));
        Assert.Contains("disk is full", e.Message);
        Assert.Equal(1, e.Target);
    }

    [Fact]
    public async Task An_unknown_store_or_a_merge_into_itself_is_refused_before_any_task_starts()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var missing = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsMaintenanceOperations.UpgradeStoreAsync(connection, 9, false, new RecordingContext(), None));
        Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);
        var itself = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsMaintenanceOperations.MergeStoreAsync(connection, 2, 2, false, new RecordingContext(), None));
        Assert.Equal("StoreMergeIntoItself", itself.ErrorId);
        var source = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsMaintenanceOperations.MergeStoreAsync(connection, 2, 7, false, new RecordingContext(), None));
        Assert.Equal(7, source.Target);
        var path = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsMaintenanceOperations.CreateBackupAsync(connection, " ", false, false, new RecordingContext(), None));
        Assert.Equal("BackupPathMissing", path.ErrorId);
        Assert.DoesNotContain(server.Calls, c => c.Function is "UpgradeStore" or "MergeStore" or "CreateBackup");
        Assert.Empty(server.Tasks);
    }

    [Fact]
    public async Task Merge_removes_the_source_store_and_the_question_says_so()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsMaintenanceOperations.MergeStoreAsync(connection, 2, 3, false, context, None);
        Assert.Equal("succeeded", context.Single<MsTaskResult>().StatusCode);
        Assert.Contains("removed afterwards", Assert.Single(context.ShouldProcessTargets));
        Assert.Equal(new[] { 1, 2 }, (await StoreChangeTests.StoresAsync(connection)).Select(s => s.Id));
    }

    [Fact]
    public async Task Recovery_sends_the_encryption_key_but_never_logs_it()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext(debug: true);
        await MsMaintenanceOperations.RecoverStoreAsync(connection, 1, "Key-Secret-42", true, false, context, None);
        var form = server.CallsTo("/RecoverStore").Single().Form;
        Assert.Equal("Key-Secret-42", form["encryptionKey"]);
        Assert.Equal("true", form["recoverDeletedMessages"]);
        Assert.DoesNotContain("Key-Secret-42", context.AllText() + string.Join("", context.ShouldProcessTargets));
    }

    [Fact]
    public async Task Stopping_a_maintenance_task_cancels_it_on_the_server()
    {
        await using var server = await Fake.StartAsync(o =>
        {
            o.MaintenanceSteps = 1000;
            o.MaintenanceStepDelay = TimeSpan.FromMilliseconds(20);
        });
        using var connection = await Fake.ConnectAsync(server);
        using var stop = new CancellationTokenSource();
        var context = new RecordingContext { OnEachStatus = s => { if (s.PercentProgress > 0) stop.Cancel(); } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MsMaintenanceOperations.CompactMasterDatabaseAsync(connection, false, context, stop.Token));
        Assert.Single(server.CallsTo("/cancel-async"));
        Assert.Equal("cancelled", Assert.Single(server.Tasks).StatusCode);
    }

    [Fact]
    public async Task No_wait_returns_the_running_task()
    {
        await using var server = await Fake.StartAsync(o => o.MaintenanceSteps = 20);
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsMaintenanceOperations.CreateBackupAsync(connection, @"E:\Backup", false, true, context, None);
        var task = context.Single<MsTask>();
        Assert.False(task.IsCompleted);
        Assert.Equal(@"E:\Backup", task.Target);
        var waited = new RecordingContext();
        await MsTaskOperations.WaitAsync(task, waited, None);
        Assert.Equal("succeeded", waited.Single<MsTaskResult>().StatusCode);
    }
}
