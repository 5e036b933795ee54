using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration.Passwords;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public class PasswordHasherTests
{
    [Theory]
    [InlineData("sha512-crypt", "$6$", 3 + 16 + 1 + 86)]
    [InlineData("SHA256-crypt", "$5$", 3 + 16 + 1 + 43)]
    [InlineData("bcrypt", "$2b$12$", 60)]
    public void Hashes_round_trip_through_the_dbmail_verifier(string scheme, string prefix, int length)
    {
        var hash = PasswordHasher.Hash("Grüße, Welt!", scheme);
        Assert.StartsWith(prefix, hash);
        Assert.Equal(length, hash.Length);
        Assert.True(DbMailPasswordSchemes.IsSupported("crypt", hash));
        Assert.True(DbMailPasswordSchemes.Verify("crypt", hash, "Grüße, Welt!"));
        Assert.False(DbMailPasswordSchemes.Verify("crypt", hash, "Grüsse, Welt!"));
    }

    [Fact]
    public void Default_is_sha512_crypt_with_a_fresh_salt_each_time()
    {
        var first = PasswordHasher.Hash("secret");
        var second = PasswordHasher.Hash("secret");
        Assert.StartsWith("$6$", first);
        Assert.NotEqual(first, second);
        Assert.True(DbMailPasswordSchemes.Verify("crypt", second, "secret"));
    }

    [Fact]
    public void Unknown_scheme_is_an_argument_error()
    {
        var error = Assert.Throws<MailStoreAdminException>(() => PasswordHasher.Hash("secret", "md5"));
        Assert.Equal("PasswordSchemeUnknown", error.ErrorId);
        Assert.DoesNotContain("secret", error.Message);
    }
}
