using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Spe;

public class InstanceOperationTests
{
    [Fact]
    public async Task Get_lists_instances_by_wildcard_with_statistics_and_reports_unknown_ids()
    {
        await using var server = await Spe.StartAsync();
        server.Spe.Instances["inst03"].Status = "stopped";
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        await MsInstanceOperations.GetInstancesAsync(connection, new[] { "inst0*", "nosuch" }, true, context, CancellationToken.None);

        var instances = context.Of<MsInstance>();
        Assert.Equal(new[] { "inst01", "inst02", "inst03" }, instances.Select(i => i.InstanceId));
        Assert.All(instances, i => Assert.Equal(1536.5, i.TotalSizeMB));
        Assert.Equal(1000, instances[0].NumberOfMessages);
        Assert.Equal(268435456, instances[0].Process!.CurrentPrivateMemoryBytes);
        Assert.Null(instances[2].Process);
        Assert.Equal("stopped", instances[2].Status);
        Assert.Equal("MailStoreInstanceNotFound", Assert.Single(context.Errors).ErrorId);
        Assert.Equal("*", server.CallsTo("/GetInstances").Single().Form["instanceFilter"]);
        Assert.Equal(2, Spe.CallsTo(server, "GetInstanceProcessLiveStatistics"));
    }

    [Theory]
    [InlineData(MsInstanceAction.Stop, "StopInstances", "stopped")]
    [InlineData(MsInstanceAction.Freeze, "FreezeInstances", "frozen")]
    [InlineData(MsInstanceAction.Restart, "RestartInstances", "running")]
    public async Task State_changes_send_one_call_for_all_ids_and_follow_the_task(MsInstanceAction action, string function, string final)
    {
        await using var server = await Spe.StartAsync(o => o.SpeInstanceCount = 4);
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        await MsInstanceOperations.ChangeStateAsync(connection, new[] { "inst01", "inst03", "inst04" }, action, false, true, context, CancellationToken.None);

        Assert.Empty(context.Errors);
        Assert.Equal("inst01,inst03,inst04", server.CallsTo("/" + function).Single().Form["instanceFilter"]);
        Assert.NotEmpty(context.Statuses);
        Assert.Equal(new[] { "inst01", "inst03", "inst04" }, context.Of<MsInstance>().Select(i => i.InstanceId));
        Assert.All(context.Of<MsInstance>(), i => Assert.Equal(final, i.Status));
        Assert.Equal("running", server.Spe.Instances["inst02"].Status);
        Assert.Contains(context.ShouldProcessTargets, t => t.Contains("inst01, inst03, inst04"));
    }

    [Fact]
    public async Task Freeze_then_thaw_and_stop_then_start_round_trip()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        foreach (var (action, expected) in new[] { (MsInstanceAction.Freeze, "frozen"), (MsInstanceAction.Thaw, "running"),
                     (MsInstanceAction.Stop, "stopped"), (MsInstanceAction.Start, "running") })
        {
            await MsInstanceOperations.ChangeStateAsync(connection, new[] { "inst02" }, action, false, false, new RecordingContext(), CancellationToken.None);
            Assert.Equal(expected, server.Spe.Instances["inst02"].Status);
        }
    }

    [Fact]
    public async Task WhatIf_and_bad_ids_send_no_change()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var whatIf = new RecordingContext { Confirm = false };
        await MsInstanceOperations.ChangeStateAsync(connection, new[] { "inst01" }, MsInstanceAction.Delete, false, false, whatIf, CancellationToken.None);
        Assert.Contains(whatIf.ShouldProcessTargets, t => t.StartsWith("Delete (irreversibly) instance(s) inst01"));
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsInstanceOperations.ChangeStateAsync(connection, new[] { "inst01,inst02" }, MsInstanceAction.Stop, false, false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("InvalidInstanceId", e.ErrorId);
        Assert.Empty(server.CallsTo("/DeleteInstances"));
        Assert.Empty(server.CallsTo("/StopInstances"));
        Assert.Equal(3, server.Spe.Instances.Count);
    }

    [Fact]
    public async Task Delete_removes_the_instances()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        await MsInstanceOperations.ChangeStateAsync(connection, new[] { "inst0[23]" }, MsInstanceAction.Delete, false, true, new RecordingContext(), CancellationToken.None);
        Assert.Equal(new[] { "inst01" }, server.Spe.Instances.Keys);
    }

    [Fact]
    public async Task New_instance_runs_as_a_task_and_refuses_an_existing_or_invalid_id_before_sending()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        await MsInstanceOperations.NewInstanceAsync(connection, "acme", "host01",
            MsConfigObject.Given(("displayName", "ACME Corp"), ("baseDirectory", @"E:\Instances\acme")), false, context, CancellationToken.None);
        Assert.Equal("acme", context.Single<MsInstance>().InstanceId);
        Assert.Equal("stopped", server.Spe.Instances["acme"].Status);
        using (var config = JsonDocument.Parse(server.CallsTo("/CreateInstance").Single().Form["config"]))
        {
            Assert.Equal("ACME Corp", config.RootElement.GetProperty("displayName").GetString());
        }

        var exists = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsInstanceOperations.NewInstanceAsync(connection, "inst01", "host01",
            MsConfigObject.Given(), false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreInstanceExists", exists.ErrorId);
        var invalid = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsInstanceOperations.NewInstanceAsync(connection, "a b", "host01",
            MsConfigObject.Given(), false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("InvalidInstanceId", invalid.ErrorId);
        var noHost = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsInstanceOperations.NewInstanceAsync(connection, "beta", "nohost",
            MsConfigObject.Given(), false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreInstanceHostNotFound", noHost.ErrorId);
        Assert.Single(server.CallsTo("/CreateInstance"));
    }

    [Fact]
    public async Task Set_configuration_is_read_modify_write_and_keeps_unknown_properties()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var view = connection.ForInstance("inst02");
        var context = new RecordingContext();
        await MsInstanceOperations.SetConfigurationAsync(view, MsConfigObject.Given(("displayName", "Renamed"), ("debugLogEnabled", true)), true,
            context, CancellationToken.None);

        var sent = server.CallsTo("/SetInstanceConfiguration").Single().Form["config"];
        using var json = JsonDocument.Parse(sent);
        Assert.Equal("Renamed", json.RootElement.GetProperty("displayName").GetString());
        Assert.True(json.RootElement.GetProperty("debugLogEnabled").GetBoolean());
        Assert.Equal("kept", json.RootElement.GetProperty("futureSetting").GetString());
        Assert.Equal("inst02", json.RootElement.GetProperty("instanceID").GetString());
        Assert.Equal("Renamed", (string)server.Spe.Instances["inst02"].Config["displayName"]!);
        Assert.Equal("Renamed", context.Single<PlainObject>()["displayName"]);
        Assert.Contains(context.ShouldProcessTargets, t => t.Contains("displayName: 'Customer 2' -> 'Renamed'"));
    }

    [Fact]
    public async Task Get_configuration_without_an_instance_is_refused_before_sending()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsInstanceOperations.GetConfigurationAsync(connection, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreInstanceRequired", e.ErrorId);
        Assert.Empty(server.Calls);
    }
}
