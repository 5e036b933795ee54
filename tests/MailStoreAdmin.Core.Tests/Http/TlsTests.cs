using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Http;

public class TlsTests
{
    private static MsConnectionSettings With(MailStoreAdmin.FakeServers.MailStore.FakeMailStoreServer server, CertificatePolicy policy)
    {
        var settings = Fake.Settings(server);
        settings.CertificatePolicy = policy;
        return settings;
    }

    [Fact]
    public async Task Self_signed_certificate_is_rejected_by_default_and_the_error_names_its_thumbprint()
    {
        await using var server = await Fake.StartAsync(o => o.Tls = true);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsConnection.ConnectAsync(With(server, CertificatePolicy.Validate), null, CancellationToken.None));
        Assert.Equal("ServerCertificateRejected", e.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, e.Kind);
        Assert.Contains(server.Thumbprint!, e.RecommendedAction);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task Pinned_thumbprint_is_trusted_in_any_notation()
    {
        await using var server = await Fake.StartAsync(o => o.Tls = true);
        var spaced = string.Join(" ", server.Thumbprint!.Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        using var connection = await MsConnection.ConnectAsync(With(server, CertificatePolicy.Pin(spaced)), null, CancellationToken.None);
        Assert.Equal("25.3.1.23456", connection.ServerVersion);
    }

    [Fact]
    public async Task Sha256_pin_works_too()
    {
        await using var server = await Fake.StartAsync(o => o.Tls = true);
        var sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(server.Options.Tls ? GetRaw(server) : Array.Empty<byte>()));
        using var connection = await MsConnection.ConnectAsync(With(server, CertificatePolicy.Pin(sha256)), null, CancellationToken.None);
        Assert.NotNull(connection.ServerVersion);
    }

    [Fact]
    public async Task A_different_pinned_certificate_is_rejected()
    {
        await using var server = await Fake.StartAsync(o => o.Tls = true);
        var other = new string('A', 40);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsConnection.ConnectAsync(With(server, CertificatePolicy.Pin(other)), null, CancellationToken.None));
        Assert.Equal("ServerCertificateRejected", e.ErrorId);
    }

    [Fact]
    public async Task Skipping_validation_is_an_explicit_per_connection_choice()
    {
        await using var server = await Fake.StartAsync(o => o.Tls = true);
        using var skipping = await MsConnection.ConnectAsync(With(server, CertificatePolicy.Skip), null, CancellationToken.None);
        // Another connection in the same process still validates: nothing global was changed.
        await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsConnection.ConnectAsync(With(server, CertificatePolicy.Validate), null, CancellationToken.None));
    }

    [Theory]
    [InlineData("12AB")]
    [InlineData("not a thumbprint at all, really not at all")]
    public void Malformed_thumbprints_are_refused(string thumbprint)
    {
        var e = Assert.Throws<MailStoreAdminException>(() => CertificatePolicy.Pin(thumbprint));
        Assert.Equal("InvalidCertificateThumbprint", e.ErrorId);
    }

    private static byte[] GetRaw(MailStoreAdmin.FakeServers.MailStore.FakeMailStoreServer server)
    {
        var field = typeof(MailStoreAdmin.FakeServers.MailStore.FakeMailStoreServer).GetField("_host",
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        var host = (MailStoreAdmin.FakeServers.LoopbackHost)field.GetValue(server)!;
        return host.Certificate!.RawData;
    }
}
