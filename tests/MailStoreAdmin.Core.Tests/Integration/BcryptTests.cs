using MailStoreAdmin.Core.Integration.Passwords;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public class BcryptTests
{
    [Fact]
    public void Blowfish_constants_are_the_hex_digits_of_pi()
    {
        var words = BlowfishConstants.PiWords;
        Assert.Equal(0x243F6A88u, words[0]);
        Assert.Equal(0x85A308D3u, words[1]);
        Assert.Equal(0x8979FB1Bu, words[17]);
        Assert.Equal(0xD1310BA6u, words[18]);
        Assert.Equal(0x3AC372E6u, words[^1]);
    }

    // OpenWall crypt_blowfish's published test vectors, confirmed against this machine's libxcrypt.
    [Theory]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "U*U")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK", "U*U*")]
    [InlineData("$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a", "U*U*U")]
    [InlineData("$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy", "")]
    [InlineData("$2b$04$abcdefghijklmnopqrstuutOjAZBsRJeA9YeX4UkLnwZmoXyyC87K", "testpass")]
    [InlineData("$2y$04$abcdefghijklmnopqrstuutOjAZBsRJeA9YeX4UkLnwZmoXyyC87K", "testpass")]
    public void Reproduces_published_vectors(string expected, string password)
    {
        Assert.Equal(expected, UnixCrypt.Compute(System.Text.Encoding.UTF8.GetBytes(password), expected));
        Assert.True(DbMailPasswordSchemes.IsSupported("crypt", expected));
        if (password.Length > 0)
        {
            Assert.True(DbMailPasswordSchemes.Verify("crypt", expected, password));
            Assert.False(DbMailPasswordSchemes.Verify("crypt", expected, password.Substring(1)));
        }
    }

    [Theory]
    [InlineData("$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "ffffa3")]
    [InlineData("$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e", "ffffa3")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.", "ffffa3")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq", "a3")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e", "ffa3333435")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS", "a36162")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.ykhStlibHmUn6GomsWXnJvyvZx4vmvy", "31a3333435")]
    [InlineData("$2a$05$/OK.fbVrR/bpIqNJ5ianF.upsha468VY2dvXJZ2oVkgSIelRcgMA2", "ffffff80")]
    [InlineData("$2b$05$/OK.fbVrR/bpIqNJ5ianF.5ffIvDHRefDwDT574Ly3PX4YaQabAry", "c3a46263")]
    public void Eight_bit_keys_follow_crypt_blowfish_for_each_prefix(string expected, string passwordHex) =>
        Assert.Equal(expected, UnixCrypt.Compute(Convert.FromHexString(passwordHex), expected));

    [Theory]
    [InlineData("$2c$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCC!.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCC")]
    public void Malformed_settings_are_unsupported(string stored) => Assert.False(DbMailPasswordSchemes.IsSupported("crypt", stored));
}
