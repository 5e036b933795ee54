using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Spe;

public class ConfigObjectTests
{
    [Fact]
    public void Apply_keeps_the_server_spelling_and_other_keys_adds_nested_keys_and_masks_secrets_in_descriptions()
    {
        var config = new PlainObject { ["serverName"] = "host01", ["Port"] = 8472, ["futureSetting"] = "kept" };
        var described = MsConfigObject.Apply(config, MsConfigObject.Given(("port", 9000), ("serverCertificate.thumbprint", "AB"),
            ("password", "S3cret!"), ("serverName", "host01")));

        Assert.Equal(new[] { "serverName", "Port", "futureSetting", "serverCertificate", "password" }, config.Keys.Cast<string>());
        Assert.Equal(9000, config["Port"]);
        Assert.Equal("AB", ((PlainObject)config["serverCertificate"]!)["thumbprint"]);
        Assert.Equal(new[] { "port: 8472 -> 9000", "serverCertificate.thumbprint: (none) -> 'AB'", "password: (new value)" }, described);
        Assert.DoesNotContain(described, d => d.Contains("S3cret!"));
    }
}
