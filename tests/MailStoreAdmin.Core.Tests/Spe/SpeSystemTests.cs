using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Spe;

public class SpeSystemTests
{
    [Fact]
    public async Task Hosts_and_client_access_servers_are_created_changed_read_modify_write_and_removed()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        foreach (var kind in new[] { MsSpeServerKind.InstanceHost, MsSpeServerKind.ClientAccessServer })
        {
            var context = new RecordingContext();
            await MsSpeServerOperations.NewAsync(connection, kind, "srv02", MsConfigObject.Given(("port", 9000)), context, CancellationToken.None);
            Assert.Equal("srv02", context.Single<PlainObject>()["serverName"]);
            Assert.Equal(kind.TypeName, context.Single<PlainObject>().TypeName);

            await MsSpeServerOperations.SetAsync(connection, kind, kind == MsSpeServerKind.InstanceHost ? "host01" : "cas01",
                MsConfigObject.Given(("port", 9999), ("serverCertificate.thumbprint", "NEWTHUMB")), false, new RecordingContext(), CancellationToken.None);
            using (var sent = JsonDocument.Parse(server.CallsTo("/" + kind.SetFunction).Single().Form["config"]))
            {
                Assert.Equal(9999, sent.RootElement.GetProperty("port").GetInt32());
                Assert.Equal("NEWTHUMB", sent.RootElement.GetProperty("serverCertificate").GetProperty("thumbprint").GetString());
                Assert.Equal("kept", sent.RootElement.GetProperty("futureSetting").GetString());
            }

            var missing = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
                MsSpeServerOperations.RemoveAsync(connection, kind, "nosuch", new RecordingContext(), CancellationToken.None));
            Assert.Equal(kind.NotFoundId, missing.ErrorId);
            await MsSpeServerOperations.RemoveAsync(connection, kind, "SRV02", new RecordingContext(), CancellationToken.None);
            Assert.Equal("srv02", server.CallsTo("/" + kind.DeleteFunction).Single().Form["serverName"]);
        }
        Assert.Single(server.Spe.Hosts);
        Assert.Single(server.Spe.ClientAccessServers);
    }

    [Fact]
    public async Task Host_directories_are_listed_and_created()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        await MsSpeServerOperations.NewDirectoryAsync(connection, "host01", @"E:\Instances\acme", new RecordingContext(), CancellationToken.None);
        var context = new RecordingContext();
        await MsSpeServerOperations.GetDirectoriesAsync(connection, "host01", @"E:\Instances", context, CancellationToken.None);
        Assert.Equal(new[] { @"E:\Instances\acme", @"E:\Instances\inst01" }, context.Of<MsInstanceHostDirectory>().Select(d => d.Path));
    }

    [Fact]
    public async Task Administrator_passwords_reach_the_server_and_no_log_or_whatif_text()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext(debug: true);
        await MsSystemAdministratorOperations.NewAsync(connection, "ops", "N3w-Secret!", MsConfigObject.Given(("fullName", "Operations")), context, CancellationToken.None);
        await MsSystemAdministratorOperations.SetPasswordAsync(connection, "ops", "Ch4nged-Secret!", context, CancellationToken.None);
        await MsSystemAdministratorOperations.SetAsync(connection, "ops", MsConfigObject.Given(("emailAddress", "ops@example.com")), false, context, CancellationToken.None);
        await MsSystemAdministratorOperations.InitializeMfaAsync(connection, "ops", context, CancellationToken.None);

        Assert.Equal("Ch4nged-Secret!", server.Spe.AdministratorPasswords["ops"]);
        Assert.Equal("pending", (string)server.Spe.Administrators.Single(a => (string)a["userName"]! == "ops")["mfaStatus"]!);
        var ops = server.Spe.Administrators.Single(a => (string)a["userName"]! == "ops");
        Assert.Equal("Operations", (string)ops["fullName"]!);
        Assert.Equal("ops@example.com", (string)ops["emailAddress"]!);
        var text = context.AllText() + string.Join("\n", context.ShouldProcessTargets);
        Assert.DoesNotContain("N3w-Secret!", text);
        Assert.DoesNotContain("Ch4nged-Secret!", text);
        Assert.Contains("Request body", text);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsSystemAdministratorOperations.SetPasswordAsync(connection, "ghost", "x", new RecordingContext(), CancellationToken.None));
        Assert.Equal("MailStoreSystemAdministratorNotFound", e.ErrorId);
        Assert.Single(server.CallsTo("/SetSystemAdministratorPassword"));
    }

    [Fact]
    public async Task Api_passwords_and_one_time_urls_are_returned_but_never_logged()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext(debug: true);
        await MsSystemAdministratorOperations.NewApiPasswordAsync(connection, context, CancellationToken.None);
        await MsSpeSystemOperations.NewArchiveAdminUrlAsync(connection.ForInstance("inst01"), null, context, CancellationToken.None);

        var apiPassword = SecretText.ToPlain(context.Single<MsSystemAdministratorApiPassword>().Password);
        var url = context.Single<MsArchiveAdminUrl>().Url!;
        Assert.StartsWith("api-", apiPassword);
        Assert.Contains("otp=secret-", url);
        Assert.Contains("not shown", context.AllText());
        Assert.DoesNotContain(apiPassword, context.AllText());
        Assert.DoesNotContain("otp=", context.AllText());
        Assert.DoesNotContain("otp=", context.Single<MsArchiveAdminUrl>().ToString());
    }

    [Fact]
    public async Task Smtp_settings_keep_unknown_properties_and_the_password_stays_secret()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext(debug: true);
        await MsSpeSystemOperations.SetSmtpAsync(connection, MsConfigObject.Given(("hostname", "mail.example.net"), ("password", "Smtp-S3cret")), true,
            context, CancellationToken.None);
        Assert.Equal("Smtp-S3cret", server.Spe.SmtpPassword);
        Assert.Equal("kept", (string)server.Spe.Smtp["futureSetting"]!);
        Assert.Equal("mail.example.net", context.Single<PlainObject>()["hostname"]);
        Assert.DoesNotContain("Smtp-S3cret", context.AllText() + string.Join("\n", context.ShouldProcessTargets));

        var test = new RecordingContext();
        await MsSpeSystemOperations.TestSmtpAsync(connection, false, test, CancellationToken.None);
        Assert.Equal("succeeded", test.Single<MsTaskResult>().StatusCode);
    }

    [Fact]
    public async Task Environment_service_status_and_archive_admin_access()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        await MsSpeSystemOperations.GetEnvironmentInfoAsync(connection, context, CancellationToken.None);
        await MsSpeSystemOperations.GetServiceStatusAsync(connection, context, CancellationToken.None);
        var view = connection.ForInstance("inst02");
        await MsSpeSystemOperations.SetArchiveAdminAccessAsync(view, true, false, context, CancellationToken.None);
        await MsSpeSystemOperations.GetArchiveAdminAccessAsync(view, context, CancellationToken.None);

        var plain = context.Of<PlainObject>();
        Assert.Equal(new[] { MsSpeSystemOperations.EnvironmentTypeName, MsSpeSystemOperations.ServiceStatusTypeName }, plain.Select(p => p.TypeName));
        Assert.Equal("25.3.0.12345", plain[0]["version"]);
        var access = context.Single<MsArchiveAdminAccess>();
        Assert.True(access.Enabled);
        Assert.Equal("inst02", access.InstanceId);
        Assert.True(server.Spe.Instances["inst02"].ArchiveAdminEnabled);
    }
}
