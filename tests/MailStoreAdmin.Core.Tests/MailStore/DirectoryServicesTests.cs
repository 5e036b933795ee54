using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Json;
using System.Collections;
using System.Collections.Specialized;
using System.Net;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Server;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Tests.Integration;
using MailStoreAdmin.FakeServers;
using MailStoreAdmin.FakeServers.MailStore;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

/// <summary>
/// Directory services end to end: the configuration read, edited and written back, and a synchronization in which
/// the fake MailStore really calls this module's integration server (cmd=list) and takes over its users.
/// </summary>
public class DirectoryServicesTests
{
    [Fact]
    public async Task Get_returns_the_configuration_without_its_password_and_set_round_trips_every_key()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var configuration = await ReadConfigurationAsync(connection, null);
        Assert.Equal("applicationIntegration", configuration["type"]);
        Assert.True(configuration.Contains("password"));
        Assert.Null(configuration["password"]);

        configuration["url"] = "https://integration.example.test/list";
        configuration["userName"] = "mailstore";
        configuration["password"] = "Directory-Pw-1";
        configuration["groups"] = new object?[] { "Staff", "Sales" };
        configuration["extra"] = Assert.IsType<PlainObject>(JsonPlain("{\"nested\":{\"n\":7,\"list\":[1,\"two\",null,true]}}"));
        await MsDirectoryServicesOperations.SetConfigurationAsync(connection, configuration, null, false, OperationContext.None, CancellationToken.None);

        var sent = server.CallsTo("/SetDirectoryServicesConfiguration").Single();
        Assert.Equal(JsonValueWriter.Serialize(configuration), sent.Form["config"]);
        Assert.Equal("Directory-Pw-1", server.DirectoryServices.StoredPassword);

        var read = await ReadConfigurationAsync(connection, null);
        Assert.Null(read["password"]);
        configuration["password"] = null;
        Assert.Equal(JsonValueWriter.Serialize(configuration), JsonValueWriter.Serialize(read));
    }

    [Fact]
    public async Task Writing_back_what_was_read_keeps_the_stored_password()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var configuration = await ReadConfigurationAsync(connection, null);
        configuration["userName"] = "mailstore";
        configuration["password"] = "Directory-Pw-1";
        await MsDirectoryServicesOperations.SetConfigurationAsync(connection, configuration, null, false, OperationContext.None, CancellationToken.None);

        var read = await ReadConfigurationAsync(connection, null);
        read["deleteUsers"] = true;
        await MsDirectoryServicesOperations.SetConfigurationAsync(connection, read, null, false, OperationContext.None, CancellationToken.None);

        Assert.Equal("null", JsonDocument.Parse(server.CallsTo("/SetDirectoryServicesConfiguration").Last().Form["config"]).RootElement.GetProperty("password").GetRawText());
        Assert.Equal("Directory-Pw-1", server.DirectoryServices.StoredPassword);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_password_inside_the_config_never_reaches_debug_logs_or_errors(bool asJsonText)
    {
        // + & < " and non-ASCII are escaped by the JSON writer, so the text sent spells the password differently.
        const string password = "Pa+ss&<w\"ö-9";
        await using var server = await Fake.StartAsync();
        var context = new RecordingContext(debug: true);
        using var connection = await Fake.ConnectAsync(server, context);
        var configuration = await ReadConfigurationAsync(connection, context);
        configuration["userName"] = "mailstore";
        configuration["password"] = password;
        object sent = asJsonText ? JsonValueWriter.Serialize(configuration) : configuration;

        await MsDirectoryServicesOperations.SetConfigurationAsync(connection, sent, null, false, context, CancellationToken.None);

        Assert.Equal(password, server.DirectoryServices.StoredPassword);
        var text = context.AllText();
        Assert.Contains("SetDirectoryServicesConfiguration", text);
        Assert.Contains("mailstore", text);
        Assert.DoesNotContain("Pa+ss", text);
        Assert.DoesNotContain("Pa%2Bss", text);
        Assert.DoesNotContain("Pa\\u002Bss", text);
        Assert.DoesNotContain("Pa%5Cu002Bss", text);
    }

    [Fact]
    public async Task A_configuration_the_server_refuses_is_an_api_error()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MsApiException>(() =>
            MsDirectoryServicesOperations.SetConfigurationAsync(connection, "{\"type\": 5}", null, false, OperationContext.None, CancellationToken.None));
        Assert.Equal("SetDirectoryServicesConfiguration", e.Function);
        Assert.Contains("type must be a string", e.ApiMessage);
    }

    [Fact]
    public async Task Text_that_is_not_json_is_refused_before_anything_is_sent()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsDirectoryServicesOperations.SetConfigurationAsync(connection, "{type: nope", null, false, OperationContext.None, CancellationToken.None));
        Assert.Equal("DirectoryServicesConfigurationInvalid", e.ErrorId);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Service_provider_connections_fill_in_the_instance_id_for_all_three_functions()
    {
        await using var server = await Fake.StartAsync(o => o.ServiceProvider = true);
        var settings = Fake.Settings(server);
        settings.ServiceProvider = true;
        settings.InstanceId = "inst02";
        using var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None);
        var configuration = await ReadConfigurationAsync(connection, null);
        await MsDirectoryServicesOperations.SetConfigurationAsync(connection, configuration, null, false, OperationContext.None, CancellationToken.None);
        await Assert.ThrowsAsync<MsApiException>(() => MsDirectoryServicesOperations.SyncUsersAsync(connection, true, false, OperationContext.None, CancellationToken.None));

        foreach (var function in new[] { "GetDirectoryServicesConfiguration", "SetDirectoryServicesConfiguration", "SyncUsersWithDirectoryServices" })
        {
            Assert.Equal("inst02", server.CallsTo("/" + function).Single().Form["instanceID"]);
        }
    }

    [Fact]
    public async Task A_dry_run_sends_dryRun_true_reports_the_changes_and_saves_nothing()
    {
        await using var setup = await SyncSetup.StartAsync();
        setup.Integration.Source.Users.Add(new DirectoryUser("alice", "Alice Liddell", "UID=alice,DC=example,DC=test", new[] { "alice@example.test" }));

        var result = await setup.SyncAsync(dryRun: true);

        Assert.Equal("true", setup.MailStore.CallsTo("/SyncUsersWithDirectoryServices").Single().Form["dryRun"]);
        Assert.Equal(MsDirectoryServicesOperations.DryRunTarget, result.Target);
        Assert.Contains("Adding user 'alice'...", result.Log);
        Assert.Contains(result.Log, line => line.Contains("dry run: nothing was saved"));
        Assert.Equal(1, setup.Integration.Source.ListCalls);
        Assert.DoesNotContain("alice", await setup.UserNamesAsync());
    }

    [Fact]
    public async Task A_sync_takes_over_the_integration_servers_users_with_progress_and_log()
    {
        await using var setup = await SyncSetup.StartAsync();
        setup.Integration.Source.Users.Add(new DirectoryUser("alice", "Alice Liddell", "UID=alice,DC=example,DC=test", new[] { "alice@example.test" }));
        setup.Integration.Source.Users.Add(new DirectoryUser("bob", emailAddresses: new[] { "bob@example.test", "robert@example.test" }));
        var context = new RecordingContext();

        var result = await setup.SyncAsync(dryRun: false, context);

        Assert.Equal("false", setup.MailStore.CallsTo("/SyncUsersWithDirectoryServices").Single().Form["dryRun"]);
        Assert.Equal(MsStatusCodes.Succeeded, result.StatusCode);
        Assert.Contains("Adding user 'alice'...", result.Log);
        Assert.Contains("Adding user 'bob'...", result.Log);
        Assert.Contains(context.Statuses, s => s.IsFinal);
        Assert.Equal(result.Log, context.Statuses.SelectMany(s => s.NewLogLines));
        var names = await setup.UserNamesAsync();
        Assert.Contains("alice", names);
        Assert.Contains("bob", names);
        var bob = await MsUserOperations.GetUserAsync(setup.Connection, "bob", OperationContext.None, CancellationToken.None);
        Assert.Equal(new[] { "bob@example.test", "robert@example.test" }, bob.EmailAddresses);
        Assert.Equal("directoryServices", bob.Authentication);
        var request = Assert.Single(await setup.Integration.Log.WaitForRequestsAsync(1));
        Assert.Equal("list", request.Command);
        Assert.Equal(200, request.StatusCode);
    }

    [Fact]
    public async Task Users_gone_from_the_directory_are_deleted_only_when_deleteUsers_is_on()
    {
        await using var setup = await SyncSetup.StartAsync();
        setup.Integration.Source.Users.Add(new DirectoryUser("alice"));
        setup.Integration.Source.Users.Add(new DirectoryUser("bob"));
        await setup.SyncAsync(dryRun: false);
        setup.Integration.Source.Users.Clear();
        setup.Integration.Source.Users.Add(new DirectoryUser("alice", "Alice Liddell"));

        var kept = await setup.SyncAsync(dryRun: false);
        Assert.Contains("Updating user 'alice'...", kept.Log);
        Assert.Contains(kept.Log, line => line.StartsWith("User 'bob' is no longer in the directory service; it is kept", StringComparison.Ordinal));
        Assert.Contains("bob", await setup.UserNamesAsync());

        await setup.ConfigureAsync(c => c["deleteUsers"] = true);
        var deleted = await setup.SyncAsync(dryRun: false);
        Assert.Contains("Deleting user 'bob'...", deleted.Log);
        var names = await setup.UserNamesAsync();
        Assert.DoesNotContain("bob", names);
        Assert.Contains("alice", names);
        Assert.Contains("user000001", names);
    }

    [Fact]
    public async Task A_failing_integration_server_fails_the_sync_and_deletes_nobody()
    {
        await using var setup = await SyncSetup.StartAsync();
        setup.Integration.Source.Users.Add(new DirectoryUser("alice"));
        await setup.SyncAsync(dryRun: false);
        await setup.ConfigureAsync(c => c["deleteUsers"] = true);
        setup.Integration.Source.ListFailure = new InvalidOperationException("database down");

        var e = await Assert.ThrowsAsync<MsApiException>(() => setup.SyncAsync(dryRun: false));

        Assert.Equal("SyncUsersWithDirectoryServices", e.Function);
        Assert.Contains("HTTP 500", e.ApiMessage);
        Assert.Contains("alice", await setup.UserNamesAsync());
    }

    [Fact]
    public async Task A_wrong_directory_password_is_a_failed_sync_with_http_401()
    {
        await using var setup = await SyncSetup.StartAsync();
        await setup.ConfigureAsync(c => c["password"] = "not-the-caller-password");
        var e = await Assert.ThrowsAsync<MsApiException>(() => setup.SyncAsync(dryRun: true));
        Assert.Contains("HTTP 401", e.ApiMessage);
        Assert.Equal(0, setup.Integration.Source.ListCalls);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_fails_the_sync()
    {
        await using var setup = await SyncSetup.StartAsync();
        await using var broken = await LoopbackHost.StartAsync(context => context.Response.WriteAsync("<html>maintenance</html>"), tls: false);
        await setup.ConfigureAsync(c => c["url"] = broken.Uri.ToString());
        var e = await Assert.ThrowsAsync<MsApiException>(() => setup.SyncAsync(dryRun: false));
        Assert.Contains("not valid JSON", e.ApiMessage);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_self_signed_integration_server_is_accepted_only_when_ssl_errors_are_ignored(bool ignoreSslErrors)
    {
        using var certificate = LoopbackHost.CreateSelfSignedCertificate();
        await using var setup = await SyncSetup.StartAsync(o => o.Certificate = certificate);
        setup.Integration.Source.Users.Add(new DirectoryUser("carol"));
        await setup.ConfigureAsync(c => c["ignoreSslErrors"] = ignoreSslErrors);

        if (ignoreSslErrors)
        {
            var result = await setup.SyncAsync(dryRun: false);
            Assert.Contains("Adding user 'carol'...", result.Log);
            Assert.Equal("https", setup.Integration.Server.Url.Scheme);
        }
        else
        {
            var e = await Assert.ThrowsAsync<MsApiException>(() => setup.SyncAsync(dryRun: false));
            Assert.Contains("could not be reached", e.ApiMessage);
            Assert.Equal(0, setup.Integration.Source.ListCalls);
        }
    }

    private static async Task<OrderedDictionary> ReadConfigurationAsync(MsConnection connection, RecordingContext? context)
    {
        context ??= new RecordingContext();
        await MsDirectoryServicesOperations.GetConfigurationAsync(connection, context, CancellationToken.None);
        var configuration = context.Single<PlainObject>();
        Assert.Equal(MsDirectoryServicesOperations.ConfigurationTypeName, configuration.TypeName);
        return configuration;
    }

    private static object? JsonPlain(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MailStoreAdmin.Core.Json.JsonPlain.ToPlain(document.RootElement);
    }

    /// <summary>A fake MailStore whose directory services point at a running integration server.</summary>
    private sealed class SyncSetup : IAsyncDisposable
    {
        private SyncSetup(FakeMailStoreServer mailStore, MsConnection connection, ServerUnderTest integration)
        {
            MailStore = mailStore;
            Connection = connection;
            Integration = integration;
        }

        public FakeMailStoreServer MailStore { get; }
        public MsConnection Connection { get; }
        public ServerUnderTest Integration { get; }

        public static async Task<SyncSetup> StartAsync(Action<IntegrationServerOptions>? configure = null)
        {
            var mailStore = await Fake.StartAsync(o => o.UserCount = 3);
            var connection = await Fake.ConnectAsync(mailStore);
            var setup = new SyncSetup(mailStore, connection, ServerUnderTest.Start(configure));
            await setup.ConfigureAsync(c =>
            {
                c["url"] = setup.Integration.Server.Url.ToString();
                c["userName"] = ServerUnderTest.CallerUser;
                c["password"] = ServerUnderTest.CallerPassword;
            });
            return setup;
        }

        /// <summary>Read, edit, write: the way an administrator changes the configuration.</summary>
        public async Task ConfigureAsync(Action<OrderedDictionary> edit)
        {
            var configuration = await ReadConfigurationAsync(Connection, null);
            edit(configuration);
            await MsDirectoryServicesOperations.SetConfigurationAsync(Connection, configuration, null, false, OperationContext.None, CancellationToken.None);
        }

        public async Task<MsTaskResult> SyncAsync(bool dryRun, RecordingContext? context = null)
        {
            context ??= new RecordingContext();
            await MsDirectoryServicesOperations.SyncUsersAsync(Connection, dryRun, false, context, CancellationToken.None);
            return context.Of<MsTaskResult>().Single();
        }

        public async Task<List<string>> UserNamesAsync()
        {
            var context = new RecordingContext();
            await MsUserOperations.GetUsersAsync(Connection, null, false, 1, context, CancellationToken.None);
            Assert.Empty(context.Errors);
            return context.Of<MsUser>().Select(u => u.UserName!).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            Connection.Dispose();
            await Integration.DisposeAsync();
            await MailStore.DisposeAsync();
        }
    }
}
