using System.Net;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Spe;

public class SpeConnectionTests
{
    [Fact]
    public async Task Connect_detects_the_service_provider_edition_from_the_metadata()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        Assert.Equal(MsEdition.ServiceProvider, connection.Edition);
        Assert.True(connection.ServiceProvider);

        await using var plain = await Fake.StartAsync();
        using var serverConnection = await Fake.ConnectAsync(plain);
        Assert.Equal(MsEdition.Server, serverConnection.Edition);
    }

    [Fact]
    public void Service_provider_connections_default_to_port_8474()
    {
        var settings = new MsConnectionSettings("spe.example.com", new NetworkCredential("admin", "x")) { ServiceProvider = true };
        Assert.Equal(8474, settings.BuildBaseUri().Port);
        Assert.Equal(8463, new MsConnectionSettings("mailstore.example.com", new NetworkCredential("admin", "x")).BuildBaseUri().Port);
    }

    [Fact]
    public async Task A_function_of_the_other_edition_is_refused_by_name_before_sending()
    {
        await using var server = await Spe.StartAsync();
        using var spe = await Spe.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => spe.InvokeAsync("GetServerInfo", null, null, null, CancellationToken.None));
        Assert.Equal("MailStoreWrongEdition", e.ErrorId);
        Assert.Contains("only on MailStore Server", e.Message);

        await using var plain = await Fake.StartAsync();
        using var serverConnection = await Fake.ConnectAsync(plain);
        plain.ClearCalls();
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsInstanceOperations.GetInstancesAsync(serverConnection, null, false, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreWrongEdition", e.ErrorId);
        Assert.Contains("Service Provider Edition", e.Message);
        Assert.Empty(server.CallsTo("/GetServerInfo"));
        Assert.Empty(plain.Calls);
    }

    [Fact]
    public async Task An_instance_function_without_an_instance_is_refused_before_sending()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsUserOperations.GetUsersAsync(connection, null, false, 1, new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreInstanceRequired", e.ErrorId);
        Assert.Contains("(InstanceId)", e.RecommendedAction);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task The_default_instance_and_an_instance_view_fill_instanceID_sharing_one_connection()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server, instanceId: "inst01");
        var context = new RecordingContext();
        await MsUserOperations.GetUsersAsync(connection, null, false, 1, context, CancellationToken.None);
        using (var view = connection.ForInstance("inst02"))
        {
            await MsUserOperations.GetUsersAsync(view, null, false, 1, context, CancellationToken.None);
            Assert.Equal(connection.Id, view.Id);
            Assert.Equal("inst02", view.InstanceId);
        }
        Assert.False(connection.IsClosed);
        Assert.Equal(new[] { "inst01", "inst02" }, server.CallsTo("/GetUsers").Select(c => c.Form["instanceID"]));
        Assert.Equal(2 * server.Options.UserCount, context.Objects.Count);
    }

    [Fact]
    public async Task An_instance_view_of_a_server_connection_is_a_clear_error()
    {
        await using var plain = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(plain);
        var e = Assert.Throws<MailStoreAdminException>(() => connection.ForInstance("inst01"));
        Assert.Equal("MailStoreInstanceNotSupported", e.ErrorId);
    }
}
