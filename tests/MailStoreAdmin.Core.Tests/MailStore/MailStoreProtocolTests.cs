using System.Net;
using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;
using Xunit;

namespace MailStoreAdmin.Core.Tests.MailStore;

public class MailStoreProtocolTests
{
    [Fact]
    public async Task Connect_loads_metadata_proves_credentials_and_always_sends_content_length()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);

        Assert.True(connection.Metadata.Contains("VerifyStore"));
        Assert.Equal("25.3.1.23456", connection.ServerVersion);
        Assert.Equal(new[] { "/api/get-metadata", "/api/invoke/GetServerInfo" }, server.Calls.Select(c => c.Path));
        Assert.All(server.Calls, c => Assert.True(c.HadContentLength));
        Assert.All(server.Calls, c => Assert.StartsWith("Basic ", c.Authorization));
        Assert.All(server.Calls, c => Assert.StartsWith("application/x-www-form-urlencoded", c.ContentType));
    }

    [Fact]
    public async Task The_fake_answers_411_without_content_length_like_the_real_server()
    {
        await using var server = await Fake.StartAsync();
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Uri, "api/invoke/GetServerInfo"))
        {
            Content = new StreamContent(new MemoryStream()),
        };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_an_authentication_error_that_names_the_api_privilege_and_hides_the_password()
    {
        await using var server = await Fake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsConnection.ConnectAsync(Fake.Settings(server, "Wr0ng-Secret"), null, CancellationToken.None));
        Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
        Assert.Equal("MailStoreAuthenticationFailed", e.ErrorId);
        Assert.Contains("'api' login privilege", e.RecommendedAction);
        Assert.DoesNotContain("Wr0ng-Secret", e.ToString());
    }

    [Fact]
    public async Task Unknown_functions_and_bad_arguments_are_refused_before_anything_is_sent()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();

        var unknown = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            connection.InvokeAsync("VerifyStorez", null, null, null, CancellationToken.None));
        Assert.Equal("UnknownApiFunction", unknown.ErrorId);
        Assert.Contains("VerifyStore", unknown.Message);

        var missing = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            connection.InvokeAsync("VerifyStore", Fake.Args(("id", 1)), null, null, CancellationToken.None));
        Assert.Contains("includeIndexes", missing.Message);

        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Failed_envelope_becomes_an_api_exception_with_message_details_and_function()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MsApiException>(() =>
            connection.InvokeAsync("GetUserInfo", Fake.Args(("userName", "nobody")), null, null, CancellationToken.None));
        Assert.Equal("GetUserInfo", e.Function);
        Assert.Equal("User 'nobody' does not exist.", e.ApiMessage);
        Assert.Contains("ApiException", e.Details);
    }

    [Fact]
    public async Task Arguments_arrive_at_the_server_encoded_by_type()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        await connection.InvokeAsync("CreateUser", Fake.Args(("userName", "jürgen & co"), ("privileges", new[] { "login", "archive" }),
            ("fullName", null)), null, null, CancellationToken.None);
        var form = server.CallsTo("/CreateUser").Single().Form;
        Assert.Equal("jürgen & co", form["userName"]);
        Assert.Equal("login,archive", form["privileges"]);
        Assert.False(form.ContainsKey("fullName"));
    }

    [Fact]
    public async Task Service_provider_connection_injects_instance_id_where_metadata_lists_it()
    {
        await using var server = await Fake.StartAsync(o => o.ServiceProvider = true);
        var settings = Fake.Settings(server);
        settings.ServiceProvider = true;
        settings.InstanceId = "inst02";
        using var connection = await MsConnection.ConnectAsync(settings, null, CancellationToken.None);
        await connection.InvokeAsync("GetUsers", null, null, null, CancellationToken.None);
        Assert.Equal("inst02", server.CallsTo("/GetUsers").Single().Form["instanceID"]);
    }

    [Fact]
    public async Task GetUsers_streams_every_user()
    {
        await using var server = await Fake.StartAsync(o => o.UserCount = 5000);
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsUserOperations.GetUsersAsync(connection, null, false, 8, context, CancellationToken.None);
        Assert.Empty(context.Errors);
        var names = context.Of<MsUser>().Select(u => u.UserName!).ToList();
        Assert.Equal(5000, names.Count);
        Assert.Equal("user000001", names[0]);
        Assert.Equal("user005000", names[^1]);
    }

    [Fact]
    public async Task Detailed_users_keep_server_order_with_bounded_parallel_lookups()
    {
        await using var server = await Fake.StartAsync(o =>
        {
            o.UserCount = 40;
            o.UserInfoLatency = TimeSpan.FromMilliseconds(30);
        });
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsUserOperations.GetUsersAsync(connection, new Wildcard("user0000[1-3]*"), true, 4, context, CancellationToken.None);
        Assert.Empty(context.Errors);
        var users = context.Of<MsUser>();

        Assert.Equal(Enumerable.Range(10, 30).Select(i => $"user0000{i}"), users.Select(u => u.UserName));
        Assert.All(users, u => Assert.True(u.IsDetailed));
        Assert.All(users, u => Assert.Equal($"{u.UserName}@example.com", Assert.Single(u.EmailAddresses)));
        Assert.InRange(server.MaxConcurrentUserInfo, 2, 4);
    }

    [Fact]
    public async Task A_plain_user_name_is_looked_up_directly_and_a_missing_one_is_not_found()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        server.ClearCalls();
        var context = new RecordingContext();

        await MsUserOperations.FindUsersAsync(connection, "user000003", false, 8, context, CancellationToken.None);
        await MsUserOperations.FindUsersAsync(connection, "nobody", false, 8, context, CancellationToken.None);
        var users = context.Of<MsUser>();
        var errors = context.Errors;

        Assert.True(Assert.Single(users).IsDetailed);
        Assert.Equal(new[] { "GetUserInfo", "GetUserInfo" }, server.Calls.Select(c => c.Function));
        var notFound = Assert.Single(errors);
        Assert.Equal("MailStoreUserNotFound", notFound.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, notFound.Kind);
        Assert.Equal("nobody", notFound.Target);
    }

    [Fact]
    public async Task Stores_filter_by_id_and_name_and_report_what_is_missing()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsStoreOperations.FindStoresAsync(connection, null, new[] { 2, 99 }, true, context, CancellationToken.None);
        var stores = context.Of<MsStore>();
        var errors = context.Errors;
        Assert.Equal(2, Assert.Single(stores).Id);
        Assert.Equal(24690, stores[0].StatisticsCount); // sent as a string by the server
        Assert.Equal("true", server.CallsTo("/GetStores").Single().Form["includeSize"]);
        Assert.Equal(99, Assert.Single(errors).Target);

        context = new RecordingContext();
        await MsStoreOperations.FindStoresAsync(connection, "Archive 2099", null, false, context, CancellationToken.None);
        Assert.Empty(context.Of<MsStore>());
        errors = context.Errors;
        Assert.Equal("MailStoreStoreNotFound", Assert.Single(errors).ErrorId);
    }

    [Fact]
    public async Task Long_running_task_is_long_polled_with_the_last_status_version_and_reports_new_log_lines_once()
    {
        await using var server = await Fake.StartAsync(o => o.VerifySteps = 4);
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();

        var result = await connection.InvokeAsync("VerifyStore", Fake.Args(("id", 2), ("includeIndexes", false)), null, context,
            CancellationToken.None, target: 2);

        Assert.Equal("succeeded", result.StatusCode);
        var log = context.Statuses.SelectMany(s => s.NewLogLines).ToList();
        Assert.Equal(result.Log, log);
        Assert.Equal("Verifying file group #2...", log[0]);
        Assert.Equal("Finished. No errors have been found.", log[^1]);
        Assert.Equal(log.Count, log.Distinct().Count());
        Assert.True(context.Statuses[^1].IsFinal);
        var percents = context.Statuses.Where(s => s.PercentProgress.HasValue).Select(s => s.PercentProgress!.Value).ToList();
        Assert.Equal(percents.OrderBy(p => p), percents);

        // Each poll names the version of the status before it, and lets the server hold the request.
        var polls = server.CallsTo("/get-status").ToList();
        Assert.NotEmpty(polls);
        var versions = context.Statuses.Select(s => s.StatusVersion.ToString()).ToList();
        Assert.Equal(versions.Take(polls.Count), polls.Select(p => p.Form["lastKnownStatusVersion"]));
        Assert.All(polls, p => Assert.Equal("5000", p.Form["millisecondsTimeout"]));
    }

    [Fact]
    public async Task Verification_that_ends_failed_throws_with_the_servers_message()
    {
        await using var server = await Fake.StartAsync(o => o.VerifySteps = 2);
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MsApiException>(() => connection.InvokeAsync("VerifyStore",
            Fake.Args(("id", server.Options.DamagedStoreId), ("includeIndexes", true)), null, null, CancellationToken.None, 3));
        Assert.Contains("is damaged", e.ApiMessage);
        Assert.Equal(3, e.Target);
    }

    [Theory]
    [InlineData(300)]   // the invoke is still in flight: the server started the task but has not named it yet
    [InlineData(1200)]  // still in flight, later
    [InlineData(2600)]  // the task is named and being long-polled
    [InlineData(3500)]
    public async Task Stopping_at_any_point_of_a_tasks_life_cancels_it_on_the_server(int stopAfterMs)
    {
        await using var server = await Fake.StartAsync(o =>
        {
            o.InvokeAnswerDelay = TimeSpan.FromSeconds(2);
            o.VerifySteps = 200;
        });
        using var connection = await Fake.ConnectAsync(server);
        using var stop = new CancellationTokenSource(stopAfterMs);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            MsStoreOperations.VerifyStoreAsync(connection, 1, false, noWait: false, OperationContext.None, stop.Token));

        var task = Assert.Single(server.Tasks);
        Assert.Equal(task.Token, Assert.Single(server.CallsTo("/cancel-async")).Form["token"]);
        Assert.Equal("cancelled", task.StatusCode);
    }

    [Fact]
    public async Task Cancelling_sends_cancel_async_and_waits_for_the_server_to_confirm()
    {
        await using var server = await Fake.StartAsync(o =>
        {
            o.VerifySteps = 1000;
            o.VerifyStepDelay = TimeSpan.FromMilliseconds(20);
        });
        using var connection = await Fake.ConnectAsync(server);
        using var cancellation = new CancellationTokenSource();
        var context = new RecordingContext();
        context.OnEachStatus = s => { if (s.PercentProgress > 0) cancellation.Cancel(); };

        var task = await connection.StartAsync("VerifyStore", Fake.Args(("id", 1), ("includeIndexes", false)), null, context, CancellationToken.None);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.WaitAsync(task, null, context, cancellation.Token));

        Assert.Equal(task.Token, Assert.Single(server.CallsTo("/cancel-async")).Form["token"]);
        Assert.True(task.CancelRequested);
        Assert.Equal("cancelled", task.StatusCode);
        Assert.True(context.Statuses[^1].IsFinal);
    }

    [Fact]
    public async Task No_wait_returns_a_running_task_that_can_be_waited_on_later()
    {
        await using var server = await Fake.StartAsync(o => o.VerifySteps = 3);
        using var connection = await Fake.ConnectAsync(server);
        var started = new RecordingContext();
        await MsStoreOperations.VerifyStoreAsync(connection, 1, false, noWait: true, started, CancellationToken.None);
        var task = started.Single<MsTask>();
        Assert.False(task.IsCompleted);
        Assert.NotNull(task.Token);

        var result = await connection.WaitAsync(task, null, null, CancellationToken.None);
        Assert.True(task.IsCompleted);
        Assert.Equal("succeeded", result.StatusCode);
        Assert.Equal(1, result.Task.Target);
    }

    [Fact]
    public async Task Unknown_task_token_is_not_found()
    {
        await using var server = await Fake.StartAsync(o => o.VerifySteps = 50);
        using var connection = await Fake.ConnectAsync(server);
        var started = new RecordingContext();
        await MsStoreOperations.VerifyStoreAsync(connection, 1, false, noWait: true, started, CancellationToken.None);
        var task = started.Single<MsTask>();
        typeof(MsTask).GetProperty(nameof(MsTask.Token))!.SetValue(task, "0000");
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => connection.WaitAsync(task, null, null, CancellationToken.None));
        Assert.Equal("MailStoreTaskNotFound", e.ErrorId);
    }

    [Fact]
    public async Task Debug_log_shows_bodies_without_passwords_or_authorization()
    {
        await using var server = await Fake.StartAsync();
        var context = new RecordingContext(debug: true);
        using var connection = await MsConnection.ConnectAsync(Fake.Settings(server), context, CancellationToken.None);
        await connection.InvokeAsync("SetUserPassword", Fake.Args(("userName", "user000001"), ("password", "N3w-S3cret")), null, context, CancellationToken.None);

        var text = context.AllText();
        Assert.Contains("userName=user000001&password=***", text);
        Assert.Contains("Response body:", text);
        Assert.Contains("api/invoke/SetUserPassword: HTTP 200", text);
        Assert.DoesNotContain("N3w-S3cret", text);
        Assert.DoesNotContain(Fake.Password, text);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Fake.User}:{Fake.Password}")), text);
    }

    [Fact]
    public async Task Credentials_are_not_sent_over_plain_http_unless_allowed()
    {
        await using var server = await Fake.StartAsync();
        var settings = Fake.Settings(server);
        settings.AllowUnencryptedAuthentication = false;
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsConnection.ConnectAsync(settings, null, CancellationToken.None));
        Assert.Equal("UnencryptedAuthenticationRefused", e.ErrorId);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Unreachable_server_is_a_connection_error()
    {
        var settings = new MsConnectionSettings("http://127.0.0.1:1/", new NetworkCredential("a", "b")) { AllowUnencryptedAuthentication = true };
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsConnection.ConnectAsync(settings, null, CancellationToken.None));
        Assert.Equal(ErrorKind.ConnectionError, e.Kind);
    }
}
