using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Server;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public class IntegrationServerTests
{
    private static (string, string) Cmd(string value) => ("cmd", value);

    [Fact]
    public async Task List_answers_the_exact_protocol_json()
    {
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("john.doe", "John Doe", "UID=john.doe,DC=example,DC=com",
            new[] { "john.doe@example.com", "John.Doe@Example.COM", "john@example.com", "" }));
        source.Users.Add(new DirectoryUser("jane"));
        source.Users.Add(new DirectoryUser("jörg+x", "Jörg \"J\" Müller", null, new[] { "j+tag@example.com" }));
        await using var s = ServerUnderTest.Start(source: source);

        using var response = await s.PostAsync(Cmd("list"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var expected = "[{\"userName\":\"john.doe\",\"distinguishedName\":\"UID=john.doe,DC=example,DC=com\",\"fullName\":\"John Doe\"," +
                       "\"emailAddresses\":[\"john.doe@example.com\",\"john@example.com\"]}," +
                       "{\"userName\":\"jane\",\"emailAddresses\":[]}," +
                       "{\"userName\":\"jörg+x\",\"fullName\":\"Jörg \\\"J\\\" Müller\",\"emailAddresses\":[\"j+tag@example.com\"]}]";
        Assert.Equal(Encoding.UTF8.GetBytes(expected), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(expected.Length == 0 ? 0 : Encoding.UTF8.GetByteCount(expected), response.Content.Headers.ContentLength);
        var record = Assert.Single(s.Log.Requests);
        Assert.Equal(3, record.UsersListed);
        Assert.Equal("list", record.Command);
        Assert.Equal(200, record.StatusCode);
    }

    [Fact]
    public async Task Auth_answers_true_for_the_right_password_and_false_otherwise()
    {
        var source = new FakeUserSource();
        source.Passwords["john.doe"] = "p&ss=w+rd ü%";
        await using var s = ServerUnderTest.Start(source: source);

        using var right = await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", "p&ss=w+rd ü%"));
        using var wrong = await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", "nope"));
        using var unknown = await s.PostAsync(Cmd("auth"), ("user", "nobody"), ("pass", "p&ss=w+rd ü%"));

        Assert.Equal("{\"succeeded\":true}", await right.Content.ReadAsStringAsync());
        Assert.Equal("{\"succeeded\":false}", await wrong.Content.ReadAsStringAsync());
        Assert.Equal("{\"succeeded\":false}", await unknown.Content.ReadAsStringAsync());
        Assert.All(new[] { right, wrong, unknown }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains(("john.doe", "p&ss=w+rd ü%"), s.Source.AuthArguments);
        Assert.Contains(s.Log.Requests, r => r.UserName == "john.doe" && r.AuthSucceeded == true);
    }

    [Theory]
    [InlineData("john.doe", "")]
    [InlineData("", "secret")]
    public async Task Empty_user_or_password_never_authenticates_and_the_source_is_not_asked(string user, string password)
    {
        await using var s = ServerUnderTest.Start();
        using var response = await s.PostAsync(Cmd("auth"), ("user", user), ("pass", password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"succeeded\":false}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, s.Source.AuthCalls);
    }

    [Fact]
    public async Task Auth_without_the_pass_field_is_a_bad_request()
    {
        await using var s = ServerUnderTest.Start();
        using var response = await s.PostAsync(Cmd("auth"), ("user", "john.doe"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"error\":\"cmd=auth needs the user and pass fields\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, s.Source.AuthCalls);
    }

    public static TheoryData<string?, string?> BadCallerCredentials => new()
    {
        { null, null },
        { ServerUnderTest.CallerUser, "wrong" },
        { "someone", ServerUnderTest.CallerPassword },
        { ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword + "x" },
        { ServerUnderTest.CallerUser, "" },
    };

    [Theory]
    [MemberData(nameof(BadCallerCredentials))]
    public async Task Missing_or_wrong_caller_credentials_get_401_and_never_reach_the_source(string? user, string? password)
    {
        await using var s = ServerUnderTest.Start();
        var authorization = user == null ? null : ServerUnderTest.Basic(user, password!);

        using var list = await s.PostAsync(authorization, Cmd("list"));
        using var auth = await s.PostAsync(authorization, Cmd("auth"), ("user", "u"), ("pass", "p"));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, auth.StatusCode);
        Assert.Equal("Basic realm=\"MailStore integration\", charset=\"UTF-8\"", list.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, s.Source.ListCalls);
        Assert.Equal(0, s.Source.AuthCalls);
    }

    [Fact]
    public async Task After_a_401_challenge_the_same_connection_carries_the_authenticated_retry()
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var anonymous = RawConnection.Post("cmd=list").Replace(RawConnection.AuthorizationLine, "");

        var challenge = await connection.ExchangeAsync(anonymous);
        var retry = await connection.ExchangeAsync(RawConnection.Post("cmd=list"));

        Assert.Equal(401, challenge.Status);
        Assert.Null(challenge.Header("Connection"));
        Assert.Equal(200, retry.Status);
        Assert.Equal(1, s.Source.ListCalls);
    }

    [Fact]
    public async Task Non_basic_authorization_gets_401()
    {
        await using var s = ServerUnderTest.Start();
        using var response = await s.PostAsync(new AuthenticationHeaderValue("Bearer", "abc"), Cmd("list"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_server_without_caller_credential_or_explicit_anonymous_access_does_not_start()
    {
        var e = Assert.Throws<MailStoreAdminException>(() =>
            IntegrationServer.Start(new IntegrationServerOptions(), new FakeUserSource()));
        Assert.Equal("IntegrationServerNoCallerCredential", e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public async Task Anonymous_access_when_chosen_explicitly()
    {
        await using var s = ServerUnderTest.Start(o =>
        {
            o.CallerCredential = null;
            o.AllowAnonymous = true;
        });
        using var response = await s.PostAsync(null, Cmd("list"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("cmd=delete", "{\"error\":\"unknown cmd\"}")]
    [InlineData("user=x", "{\"error\":\"missing cmd\"}")]
    [InlineData("", "{\"error\":\"missing cmd\"}")]
    [InlineData("cmd=%zzlist", "{\"error\":\"malformed percent escape in the form body\"}")]
    [InlineData("cmd=list&cmd=auth", "{\"error\":\"form field 'cmd' appears more than once\"}")]
    public async Task Bad_form_bodies_get_400_with_a_short_json_error(string body, string error)
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var response = await connection.ExchangeAsync(RawConnection.Post(body));
        Assert.Equal(400, response.Status);
        Assert.Equal(error, response.Body);
        Assert.Equal(0, s.Source.ListCalls);
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        await using var s = ServerUnderTest.Start();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = ServerUnderTest.Basic(ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword);
        using var response = await s.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(new[] { "POST" }, response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Only_form_bodies_are_accepted()
    {
        await using var s = ServerUnderTest.Start();
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{\"cmd\":\"list\"}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = ServerUnderTest.Basic(ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword);
        using var response = await s.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, s.Source.ListCalls);
    }

    [Fact]
    public async Task Oversized_body_gets_413_and_the_connection_closes()
    {
        await using var s = ServerUnderTest.Start(o => o.MaxRequestBodyBytes = 1024);
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var response = await connection.ExchangeAsync(RawConnection.Post("cmd=list&pad=" + new string('a', 5000)));
        Assert.Equal(413, response.Status);
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(await connection.IsClosedByServerAsync());
        Assert.Equal(0, s.Source.ListCalls);
    }

    [Fact]
    public async Task Oversized_headers_get_431()
    {
        await using var s = ServerUnderTest.Start(o => o.MaxHeaderBytes = 2048);
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var response = await connection.ExchangeAsync(RawConnection.Post("cmd=list", "X-Padding: " + new string('a', 4000) + "\r\n"));
        Assert.Equal(431, response.Status);
        Assert.True(await connection.IsClosedByServerAsync());
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("POST  / HTTP/1.1\r\nHost: x\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400)]
    [InlineData("POST / HTTP/2.0\r\nHost: x\r\n\r\n", 505)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\ncmd=list\r\n0\r\n\r\n", 411)]
    [InlineData("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 8\r\n\r\ncmd=list", 400)]
    public async Task Malformed_requests_get_an_error_status_and_the_connection_closes(string request, int status)
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var response = await connection.ExchangeAsync(request);
        Assert.Equal(status, response.Status);
        Assert.StartsWith("{\"error\":", response.Body);
        Assert.True(await connection.IsClosedByServerAsync());
    }

    [Fact]
    public async Task A_request_that_trickles_in_too_slowly_gets_408()
    {
        await using var s = ServerUnderTest.Start(o => o.RequestReadTimeout = TimeSpan.FromMilliseconds(300));
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        await connection.SendAsync("POST / HTTP/1.1\r\nHost: x\r\n");
        var response = await connection.ReadResponseAsync();
        Assert.Equal(408, response.Status);
        Assert.True(await connection.IsClosedByServerAsync());
    }

    [Fact]
    public async Task A_failing_source_gives_500_never_an_empty_list()
    {
        var source = new FakeUserSource { ListFailure = new InvalidOperationException("database down at db.example.test") };
        source.Users.Add(new DirectoryUser("john.doe"));
        await using var s = ServerUnderTest.Start(source: source);

        using var response = await s.PostAsync(Cmd("list"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("{\"error\":\"the user source failed\"}", body);
        var record = Assert.Single(s.Log.Requests);
        Assert.Contains("database down at db.example.test", record.Error);
        Assert.Null(record.UsersListed);
        Assert.Equal(1, s.Server.GetStatistics().Failures);
    }

    [Fact]
    public async Task A_source_returning_a_null_user_gives_500()
    {
        var source = new NullUserSource();
        using var server = IntegrationServer.Start(new IntegrationServerOptions { AllowAnonymous = true }, source);
        using var client = new HttpClient { BaseAddress = server.Url };
        using var response = await client.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["cmd"] = "list" }));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_hung_source_gives_504_at_the_configured_limit()
    {
        var source = new FakeUserSource { ListGate = new(), AuthGate = new() };
        await using var s = ServerUnderTest.Start(o =>
        {
            o.ListTimeout = TimeSpan.FromMilliseconds(200);
            o.AuthTimeout = TimeSpan.FromMilliseconds(200);
        }, source);

        using var list = await s.PostAsync(Cmd("list"));
        using var auth = await s.PostAsync(Cmd("auth"), ("user", "u"), ("pass", "p"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, list.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, auth.StatusCode);
        Assert.Equal("{\"error\":\"the user source did not answer in time\"}", await list.Content.ReadAsStringAsync());
        source.ListGate.SetResult();
        source.AuthGate.SetResult();
    }

    [Fact]
    public async Task Auths_are_served_in_parallel_while_a_list_is_slow()
    {
        var source = new FakeUserSource { ListGate = new() };
        source.Users.Add(new DirectoryUser("john.doe"));
        source.Passwords["john.doe"] = "pw";
        await using var s = ServerUnderTest.Start(source: source);

        var list = s.PostAsync(Cmd("list"));
        await source.ListStarted.Task;
        var auths = Enumerable.Range(0, 20).Select(i => s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", i % 2 == 0 ? "pw" : "bad"))).ToArray();
        var answers = await Task.WhenAll(auths);

        Assert.False(list.IsCompleted);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(10, (await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))).Count(b => b == "{\"succeeded\":true}"));
        source.ListGate.SetResult();
        using var listed = await list;
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(21, s.Server.GetStatistics().RequestsServed);
    }

    [Fact]
    public async Task Requests_over_the_concurrency_limit_get_503_after_the_queue_wait()
    {
        var source = new FakeUserSource { ListGate = new() };
        await using var s = ServerUnderTest.Start(o =>
        {
            o.MaxConcurrentRequests = 1;
            o.QueueTimeout = TimeSpan.FromMilliseconds(100);
        }, source);
        var list = s.PostAsync(Cmd("list"));
        await source.ListStarted.Task;

        using var auth = await s.PostAsync(Cmd("auth"), ("user", "u"), ("pass", "p"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, auth.StatusCode);
        source.ListGate.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await list).StatusCode);
    }

    [Fact]
    public async Task A_kept_alive_connection_serves_several_requests_until_asked_to_close()
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);

        var first = await connection.ExchangeAsync(RawConnection.Post("cmd=list"));
        var second = await connection.ExchangeAsync(RawConnection.Post("cmd=auth&user=a&pass="));
        var last = await connection.ExchangeAsync(RawConnection.Post("cmd=list", "Connection: close\r\n"));

        Assert.Equal((200, 200, 200), (first.Status, second.Status, last.Status));
        Assert.Null(first.Header("Connection"));
        Assert.Equal("{\"succeeded\":false}", second.Body);
        Assert.Equal("close", last.Header("Connection"));
        Assert.True(await connection.IsClosedByServerAsync());
        Assert.Equal(2, s.Source.ListCalls);
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        await connection.SendAsync(RawConnection.Post("cmd=auth&user=a&pass=") + RawConnection.Post("cmd=list"));
        Assert.Equal("{\"succeeded\":false}", (await connection.ReadResponseAsync()).Body);
        Assert.Equal("[]", (await connection.ReadResponseAsync()).Body);
    }

    [Fact]
    public async Task Expect_100_continue_is_honoured()
    {
        await using var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        var full = RawConnection.Post("cmd=list", "Expect: 100-continue\r\n");
        await connection.SendAsync(full[..^"cmd=list".Length]);
        var interim = await connection.ReadResponseAsync();
        Assert.Equal(100, interim.Status);
        await connection.SendAsync("cmd=list");
        var response = await connection.ReadResponseAsync();
        Assert.Equal(200, response.Status);
        Assert.Equal("[]", response.Body);
    }

    [Fact]
    public async Task A_configured_path_is_the_only_one_served()
    {
        await using var s = ServerUnderTest.Start(o => o.Path = "mailstore-integration/index.php");
        using var right = await s.PostAsync(Cmd("list"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/other") { Content = new FormUrlEncodedContent(new[] { KeyValuePair.Create("cmd", "list") }) };
        request.Headers.Authorization = ServerUnderTest.Basic(ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword);
        using var wrong = await s.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.EndsWith("/mailstore-integration/index.php", s.Server.Url.ToString());
        Assert.Equal(1, s.Source.ListCalls);
    }

    [Fact]
    public async Task Https_with_a_self_signed_certificate()
    {
        using var certificate = CreateCertificate();
        var source = new FakeUserSource();
        source.Users.Add(new DirectoryUser("john.doe"));
        var log = new RecordingLogger();
        using var server = IntegrationServer.Start(new IntegrationServerOptions
        {
            Certificate = certificate,
            CallerCredential = new NetworkCredential(ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword),
        }, source, log);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert != null && cert.GetCertHashString() == certificate.Thumbprint;
        using var client = new HttpClient(handler);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"https://127.0.0.1:{server.Endpoint.Port}/"))
        {
            Content = new FormUrlEncodedContent(new[] { KeyValuePair.Create("cmd", "list") }),
        };
        request.Headers.Authorization = ServerUnderTest.Basic(ServerUnderTest.CallerUser, ServerUnderTest.CallerPassword);

        using var response = await client.SendAsync(request);

        Assert.Equal("https", server.Url.Scheme);
        Assert.True(server.IsHttps);
        Assert.Equal("[{\"userName\":\"john.doe\",\"emailAddresses\":[]}]", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(log.Events, e => e.Kind == IntegrationServerEventKind.Warning);
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_is_logged_as_a_failed_handshake()
    {
        using var certificate = CreateCertificate();
        var log = new RecordingLogger();
        var server = IntegrationServer.Start(new IntegrationServerOptions { Certificate = certificate, AllowAnonymous = true }, new FakeUserSource(), log);
        using (var connection = await RawConnection.OpenAsync(new IPEndPoint(IPAddress.Loopback, server.Endpoint.Port)))
        {
            await connection.SendAsync(RawConnection.Post("cmd=list"));
            Assert.True(await connection.IsClosedByServerAsync());
        }
        await server.StopAsync();
        Assert.Contains(log.Events, e => e.Kind == IntegrationServerEventKind.TlsHandshakeFailed && e.RemoteAddress != null);
    }

    [Fact]
    public void A_certificate_without_private_key_is_refused()
    {
        using var withKey = CreateCertificate();
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
        var e = Assert.Throws<MailStoreAdminException>(() => IntegrationServer.Start(
            new IntegrationServerOptions { Certificate = publicOnly, AllowAnonymous = true }, new FakeUserSource()));
        Assert.Equal("IntegrationServerCertificateWithoutKey", e.ErrorId);
    }

    [Fact]
    public async Task Stopping_an_idle_server_closes_kept_alive_connections_and_the_port()
    {
        var s = ServerUnderTest.Start();
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        Assert.Equal(200, (await connection.ExchangeAsync(RawConnection.Post("cmd=list"))).Status);

        await s.Server.StopAsync();

        Assert.True(await connection.IsClosedByServerAsync());
        Assert.True(s.Server.Completion.IsCompletedSuccessfully);
        Assert.False(s.Server.IsRunning);
        using var late = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => late.ConnectAsync(s.Loopback.Address, s.Loopback.Port));
        Assert.Contains(s.Log.Events, e => e.Kind == IntegrationServerEventKind.Stopped);
        await s.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_lets_a_request_in_flight_finish()
    {
        var source = new FakeUserSource { ListGate = new() };
        source.Users.Add(new DirectoryUser("john.doe"));
        var s = ServerUnderTest.Start(o => o.StopGracePeriod = TimeSpan.FromSeconds(30), source);
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        await connection.SendAsync(RawConnection.Post("cmd=list"));
        await source.ListStarted.Task;

        var stopping = s.Server.StopAsync();
        Assert.False(s.Server.IsRunning);
        source.ListGate.SetResult();
        var response = await connection.ReadResponseAsync();
        await stopping;

        Assert.Equal(200, response.Status);
        Assert.Equal("[{\"userName\":\"john.doe\",\"emailAddresses\":[]}]", response.Body);
        Assert.Equal("close", response.Header("Connection"));
        await s.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_gives_up_on_a_hung_request_after_the_grace_period()
    {
        var source = new FakeUserSource { ListGate = new() };
        var s = ServerUnderTest.Start(o => o.StopGracePeriod = TimeSpan.FromMilliseconds(100), source);
        using var connection = await RawConnection.OpenAsync(s.Loopback);
        await connection.SendAsync(RawConnection.Post("cmd=list"));
        await source.ListStarted.Task;

        await s.Server.StopAsync();
        var response = await connection.ReadResponseAsync();

        Assert.Equal(503, response.Status);
        Assert.True(s.Server.Completion.IsCompletedSuccessfully);
        source.ListGate.SetResult();
        await s.DisposeAsync();
    }

    [Fact]
    public async Task Passwords_never_reach_the_log()
    {
        const string userPassword = "Zq9-user-Secret-771";
        const string wrongCaller = "Wx4-caller-Guess-362";
        var source = new FakeUserSource();
        source.Passwords["john.doe"] = userPassword;
        await using var s = ServerUnderTest.Start(source: source);

        (await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", userPassword))).Dispose();
        (await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", userPassword + "x"))).Dispose();
        (await s.PostAsync(ServerUnderTest.Basic(ServerUnderTest.CallerUser, wrongCaller), Cmd("list"))).Dispose();
        (await s.PostAsync(ServerUnderTest.Basic(wrongCaller, wrongCaller), Cmd("auth"), ("user", "john.doe"), ("pass", userPassword))).Dispose();
        source.AuthFailure = new InvalidOperationException($"backend rejected password '{userPassword}'");
        using (var failed = await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", userPassword)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.DoesNotContain(userPassword, await failed.Content.ReadAsStringAsync());
        }
        await s.Server.StopAsync();

        var text = s.Log.AllText();
        Assert.Equal(5, s.Log.Requests.Count);
        Assert.Contains("backend rejected password '***'", text);
        Assert.DoesNotContain(userPassword, text);
        Assert.DoesNotContain(wrongCaller, text);
        Assert.DoesNotContain(ServerUnderTest.CallerPassword, text);
        Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(ServerUnderTest.CallerUser + ":" + wrongCaller)), text);
    }

    [Fact]
    public async Task A_request_record_reads_as_one_log_line()
    {
        var source = new FakeUserSource();
        source.Passwords["john.doe"] = "pw";
        await using var s = ServerUnderTest.Start(source: source);
        (await s.PostAsync(Cmd("auth"), ("user", "john.doe\r\nforged line"), ("pass", "pw"))).Dispose();
        (await s.PostAsync(Cmd("auth"), ("user", "john.doe"), ("pass", "pw"))).Dispose();

        var lines = s.Log.Requests.Select(r => r.ToString()).ToArray();
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1:\d+ POST /mailstore-integration/index\.php cmd=auth user=""john\.doe"" -> 200 succeeded=true \(\d+ ms\)$", lines[1]);
        Assert.Contains("user=\"john.doe\\x0d\\x0aforged line\" -> 200 succeeded=false", lines[0]);
        Assert.All(lines, l => Assert.DoesNotContain("\n", l));
    }

    [Fact]
    public void A_taken_port_is_reported_as_such()
    {
        using var first = IntegrationServer.Start(new IntegrationServerOptions { AllowAnonymous = true }, new FakeUserSource());
        var e = Assert.Throws<MailStoreAdminException>(() => IntegrationServer.Start(
            new IntegrationServerOptions { AllowAnonymous = true, Port = first.Endpoint.Port }, new FakeUserSource()));
        Assert.Equal("IntegrationServerBindFailed", e.ErrorId);
    }

    [Fact]
    public async Task Start_reports_the_real_endpoint_and_url()
    {
        await using var s = ServerUnderTest.Start();
        Assert.NotEqual(0, s.Server.Endpoint.Port);
        Assert.Equal(IPAddress.Loopback, s.Server.Endpoint.Address);
        Assert.Equal(new Uri($"http://127.0.0.1:{s.Server.Endpoint.Port}/"), s.Server.Url);
        Assert.Contains(s.Log.Events, e => e.Kind == IntegrationServerEventKind.Started && e.Message.Contains(s.Server.Url.ToString()));
        Assert.Contains(s.Log.Events, e => e.Kind == IntegrationServerEventKind.Warning && e.Message.Contains("unencrypted"));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=integration.localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Re-importing as PFX gives a key SslStream can use on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed class NullUserSource : IDirectoryUserSource
    {
        public string Description => "returns a null user";
        public Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DirectoryUser>>(new DirectoryUser[] { new("a"), null! });
        public Task<bool> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken) => Task.FromResult(false);
        public void Dispose()
        {
        }
    }
}
