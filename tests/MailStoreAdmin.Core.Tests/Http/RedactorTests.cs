using MailStoreAdmin.Core.Http;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Http;

public class RedactorTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("newPassword", true)]
    [InlineData("secKey", true)]
    [InlineData("pass", true)]
    [InlineData("passphrase", true)]
    [InlineData("encryptionKey", true)]
    [InlineData("Authorization", true)]
    [InlineData("userName", false)]
    [InlineData("token", false)]
    public void Knows_which_names_are_secret(string name, bool secret) => Assert.Equal(secret, Redactor.IsSecretName(name));

    [Fact]
    public void Form_dump_masks_secret_fields()
    {
        var text = Redactor.DescribeForm(new Dictionary<string, string> { ["userName"] = "bob", ["password"] = "Hunter 2!" });
        Assert.Equal("userName=bob&password=***", text);
    }

    [Fact]
    public void Json_dump_masks_secret_properties_even_when_truncated()
    {
        var text = Redactor.RedactJsonText("{\"userName\":\"bob\",\"password\":\"p\\\"w\",\"config\":{\"secKey\":\"abc\"},\"x\":\"pass");
        Assert.Equal("{\"userName\":\"bob\",\"password\":\"***\",\"config\":{\"secKey\":\"***\"},\"x\":\"pass", text);
    }

    [Fact]
    public void Scrubs_raw_and_url_encoded_secret_values_from_foreign_text()
    {
        var text = Redactor.ScrubValues("failed: dbmail-users -c bob -w my pass&1 (my+pass%261)", new[] { "my pass&1", null, "" });
        Assert.DoesNotContain("my pass", text);
        Assert.DoesNotContain("my+pass", text);
        Assert.Equal("failed: dbmail-users -c bob -w *** (***)", text);
    }
}
