using System.Text;
using MailStoreAdmin.Core.Integration.Passwords;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public class DbMailPasswordSchemesTests
{
    private const string Password = "testpass";

    // Section 2.6 of the integration-server research: what dbmail stores for "testpass".
    [Theory]
    [InlineData("md5sum", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("md5", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("md5base64", "F5rUXGziy5fPECniEgRugQAAAAAAAAAA")]
    [InlineData("md5base64", "F5rUXGziy5fPECniEgRugQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("md5base64", "F5rUXGziy5fPECniEgRugQ==")]
    [InlineData("sha1", "206c80413b9a96c1312cc346b7d2517b84463edd")]
    [InlineData("sha256", "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c")]
    [InlineData("sha512", "78ddc8555bb1677ff5af75ba5fc02cb30bb592b0610277ae15055e189b77fe3fda496e5027a3d99ec85d54941adee1cc174b50438fdc21d82d0a79f85b58cf44")]
    [InlineData("whirlpool", "c61bcbfe58af1b47f0586a0f3a54f0a8ee1cd8e599dfe111febefcaf08cd6ce164dc7e356495e598acdf92bd0241770d7cc96986cc78b5f01e5631e2fba28c14")]
    [InlineData("tiger", "621148f40de2908fc763025a5ed0d6178468869ba130519b")]
    [InlineData("md5", "$1$abcdefgh$6gJwl2Gq42UpQ648BHSDI0")]
    [InlineData("crypt", "abA5hjwYqm1.I")]
    [InlineData("crypt", "$1$abcdefgh$6gJwl2Gq42UpQ648BHSDI0")]
    [InlineData("crypt", "$6$saltsalt$UUTr6oVJTBk4azi0BmGqXvVgtbeWdSGG0b.P4dfxLVqqVmSL7RQXfoGFlx0.Jkt3Q2nsKyrc.M/cKE2XOCLN70")]
    [InlineData("", "testpass")]
    public void Accepts_the_reference_vectors_and_rejects_wrong_passwords(string type, string stored)
    {
        Assert.True(DbMailPasswordSchemes.IsSupported(type, stored));
        Assert.True(DbMailPasswordSchemes.Verify(type, stored, Password));
        Assert.False(DbMailPasswordSchemes.Verify(type, stored, "testpasS"));
        Assert.False(DbMailPasswordSchemes.Verify(type, stored, "testpas"));
        Assert.False(DbMailPasswordSchemes.Verify(type, stored, ""));
    }

    [Theory]
    [InlineData("SHA256", "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c")]
    [InlineData("Md5Sum", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("CRYPT", "abA5hjwYqm1.I")]
    [InlineData("WhirlPool", "c61bcbfe58af1b47f0586a0f3a54f0a8ee1cd8e599dfe111febefcaf08cd6ce164dc7e356495e598acdf92bd0241770d7cc96986cc78b5f01e5631e2fba28c14")]
    public void Encryption_type_is_case_insensitive(string type, string stored) => Assert.True(DbMailPasswordSchemes.Verify(type, stored, Password));

    [Fact]
    public void Hash_comparison_is_case_sensitive_like_strcmp() =>
        Assert.False(DbMailPasswordSchemes.Verify("md5sum", "179AD45C6CE2CB97CF1029E212046E81", Password));

    [Theory]
    [InlineData("plaintext", "testpass")]
    [InlineData("md5-hash", "179ad45c6ce2cb97cf1029e212046e81")]
    [InlineData("sha384", "whatever")]
    [InlineData(" md5sum", "179ad45c6ce2cb97cf1029e212046e81")]
    public void Unknown_types_never_match(string type, string stored)
    {
        Assert.False(DbMailPasswordSchemes.Verify(type, stored, Password));
        Assert.False(DbMailPasswordSchemes.IsSupported(type, stored));
        Assert.False(DbMailPasswordSchemes.IsKnownType(type));
    }

    [Theory]
    [InlineData("")]
    [InlineData("md5sum")]
    [InlineData("crypt")]
    public void Empty_or_missing_stored_value_never_matches(string type)
    {
        Assert.False(DbMailPasswordSchemes.Verify(type, "", ""));
        Assert.False(DbMailPasswordSchemes.Verify(type, null, ""));
        Assert.False(DbMailPasswordSchemes.IsSupported(type, ""));
    }

    [Fact]
    public void Null_type_is_plaintext_because_dbmail_reads_null_columns_as_empty() =>
        Assert.True(DbMailPasswordSchemes.Verify(null, "testpass", Password));

    [Fact]
    public void Plaintext_is_exact()
    {
        Assert.False(DbMailPasswordSchemes.Verify("", "testpass", "TESTPASS"));
        Assert.False(DbMailPasswordSchemes.Verify("", "testpass", "testpas"));
    }

    [Fact]
    public void Sha1_compares_only_the_first_32_hex_digits_as_dbmail_does()
    {
        Assert.True(DbMailPasswordSchemes.Verify("sha1", "206c80413b9a96c1312cc346b7d2517b", Password));
        Assert.True(DbMailPasswordSchemes.Verify("sha1", "206c80413b9a96c1312cc346b7d2517bXXXXXXXX", Password));
        Assert.False(DbMailPasswordSchemes.Verify("sha1", "206c80413b9a96c1312cc346b7d2517", Password));
    }

    [Fact]
    public void Hex_types_compare_a_fixed_prefix_like_strncmp()
    {
        Assert.True(DbMailPasswordSchemes.Verify("md5sum", "179ad45c6ce2cb97cf1029e212046e81trailing", Password));
        Assert.False(DbMailPasswordSchemes.Verify("md5sum", "179ad45c6ce2cb97cf1029e212046e8", Password));
        Assert.False(DbMailPasswordSchemes.Verify("sha256", "13d249f2cb4127b40cfa757866850278", Password));
    }

    [Fact]
    public void Md5base64_accepts_both_the_dbmail3_buffer_form_and_the_dbmail22_standard_form()
    {
        Assert.True(DbMailPasswordSchemes.Verify("md5base64", "1B2M2Y8AsgTpgAmY7PhCfgAAAAAAAAAA", ""));
        Assert.True(DbMailPasswordSchemes.Verify("md5base64", "1B2M2Y8AsgTpgAmY7PhCfg==", ""));
        Assert.False(DbMailPasswordSchemes.Verify("md5base64", "F5rUXGziy5fPECniEgRugQ", Password));
        Assert.False(DbMailPasswordSchemes.Verify("md5base64", "F5rUXGziy5fPECniEgRugQ==", "x"));
    }

    [Fact]
    public void Md5_type_compares_34_characters_of_md5_crypt()
    {
        Assert.True(DbMailPasswordSchemes.Verify("md5", "$1$abcdefgh$6gJwl2Gq42UpQ648BHSDI0tail", Password));
        Assert.False(DbMailPasswordSchemes.Verify("crypt", "$1$abcdefgh$6gJwl2Gq42UpQ648BHSDI0tail", Password));
    }

    [Theory]
    [InlineData("$1$saltstring", "Hello world!", "$1$saltstri$YMyguxXMBpd2TEZ.vS/3q1")]
    [InlineData("$1$$", "x", "$1$$LP5.V3ajGqHDdXW6XwZQy.")]
    [InlineData("$1$ab", "a much longer password that exceeds sixteen bytes", "$1$ab$e/XXzmFKRn1iAwWUeS2Te/")]
    [InlineData("$5$saltstring", "Hello world!", "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5")]
    [InlineData("$5$rounds=10000$saltstringsaltstring", "Hello world!", "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA")]
    [InlineData("$5$rounds=5000$toolongsaltstring", "This is just a test", "$5$rounds=5000$toolongsaltstrin$Un/5jzAHMgOGZ5.mWJpuVolil07guHPvOW8mGRcvxa5")]
    [InlineData("$6$saltstring", "Hello world!", "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1")]
    [InlineData("$6$rounds=10000$saltstringsaltstring", "Hello world!", "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.")]
    [InlineData("$6$rounds=1400$anotherlongsaltstring", "a very much longer text to encrypt.  This one even stretches over morethan one line.", "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1")]
    [InlineData("abgOeLfPimXQo", "test", "abgOeLfPimXQo")]
    [InlineData("./7H4fGCYxIHQ", "x", "./7H4fGCYxIHQ")]
    [InlineData("zzRtj6pNdfpLE", "12345678extra", "zzRtj6pNdfpLE")]
    [InlineData("HqSPyYxw0YKFo", "äbc", "HqSPyYxw0YKFo")]
    public void Crypt_algorithms_reproduce_published_and_libxcrypt_vectors(string setting, string password, string expected)
    {
        Assert.Equal(expected, UnixCrypt.Compute(Encoding.UTF8.GetBytes(password), setting));
        Assert.True(DbMailPasswordSchemes.Verify("crypt", expected, password));
        Assert.False(DbMailPasswordSchemes.Verify("crypt", expected, "!" + password));
    }

    [Fact]
    public void Sha_crypt_clamps_too_few_rounds_to_the_minimum_as_glibc_does() =>
        Assert.StartsWith("$5$rounds=1000$roundstoolow$", UnixCrypt.Compute(Encoding.UTF8.GetBytes("x"), "$5$rounds=10$roundstoolow"));

    [Fact]
    public void Des_crypt_uses_only_the_first_eight_characters() =>
        Assert.True(DbMailPasswordSchemes.Verify("crypt", "zzRtj6pNdfpLE", "12345678anything"));

    [Theory]
    [InlineData("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$6foLM1JhGupouWKMU70wxK61Kw9ZnecbACjJwRadqM2")]
    [InlineData("$7$CU..../....abcdefgh")]
    [InlineData("$3$$8846f7eaee8fb117ad06bdd830b7586c")]
    [InlineData("notacryptvalue")]
    [InlineData("ab!5hjwYqm1.I")]
    public void Unsupported_crypt_schemes_are_reported_and_never_match(string stored)
    {
        Assert.False(DbMailPasswordSchemes.IsSupported("crypt", stored));
        Assert.False(DbMailPasswordSchemes.Verify("crypt", stored, "x"));
    }

    [Theory]
    [InlineData("", "3293ac630c13f0245f92bbb1766e16167a4e58492dde73f3")]
    [InlineData("a", "77befbef2e7ef8ab2ec8f93bf587a7fc613e247f5f247809")]
    [InlineData("abc", "2aab1484e8c158f2bfb8c5ff41b57a525129131c957b5f93")]
    [InlineData("message digest", "d981f8cb78201a950dcf3048751e441c517fca1aa55a29f6")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "1714a472eee57d30040412bfcc55032a0b11602ff37beee9")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "0f7bf9a19b9c58f2b7610df7e84f0ac3a71c631e7b53f78e")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "8dcea680a17583ee502ba38a3c368651890ffbccdc49a8cc")]
    public void Tiger_matches_nessie_vectors(string message, string expected) =>
        Assert.Equal(expected, DbMailPasswordSchemes.LowerHex(Tiger.Hash(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void Tiger_matches_nessie_long_vectors()
    {
        Assert.Equal("1c14795529fd9f207a958f84c52f11e887fa0cabdfd91bfd", DbMailPasswordSchemes.LowerHex(Tiger.Hash(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 8))))));
        Assert.Equal("6db0e2729cbead93d715c6a7d36302e9b3cee0d2bc314b41", DbMailPasswordSchemes.LowerHex(Tiger.Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray())));
    }

    [Theory]
    [InlineData("", "19fa61d75522a4669b44e39c1d2e1726c530232130d407f89afee0964997f7a73e83be698b288febcf88e3e03c4f0757ea8964e59b63d93708b138cc42a66eb3")]
    [InlineData("a", "8aca2602792aec6f11a67206531fb7d7f0dff59413145e6973c45001d0087b42d11bc645413aeff63a42391a39145a591a92200d560195e53b478584fdae231a")]
    [InlineData("abc", "4e2448a4c6f486bb16b6562c73b4020bf3043e3a731bce721ae1b303d97e6d4c7181eebdb6c57e277d0e34957114cbd6c797fc9d95d8b582d225292076d4eef5")]
    [InlineData("message digest", "378c84a4126e2dc6e56dcc7458377aac838d00032230f53ce1f5700c0ffb4d3b8421557659ef55c106b4b52ac5a4aaa692ed920052838f3362e86dbd37a8903e")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "f1d754662636ffe92c82ebb9212a484a8d38631ead4238f5442ee13b8054e41b08bf2a9251c30b6a0b8aae86177ab4a6f68f673e7207865d5d9819a3dba4eb3b")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "526b2394d85683e24b29acd0fd37f7d5027f61366a1407262dc2a6a345d9e240c017c1833db1e6db6a46bd444b0c69520c856e7c6e9c366d150a7da3aeb160d1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "dc37e008cf9ee69bf11f00ed9aba26901dd7c28cdec066cc6af42e40f82f3a1e08eba26629129d8fb7cb57211b9281a65517cc879d7b962142c65f5a7af01467")]
    public void Whirlpool_matches_nessie_vectors(string message, string expected) =>
        Assert.Equal(expected, DbMailPasswordSchemes.LowerHex(Whirlpool.Hash(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void Whirlpool_matches_nessie_long_vectors()
    {
        Assert.Equal("466ef18babb0154d25b9d38a6414f5c08784372bccb204d6549c4afadb6014294d5bd8df2a6c44e538cd047b2681a51a2c60481e88c5a20b2c2a80cf3a9a083b", DbMailPasswordSchemes.LowerHex(Whirlpool.Hash(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1234567890", 8))))));
        Assert.Equal("0c99005beb57eff50a7cf005560ddf5d29057fd86b20bfd62deca0f1ccea4af51fc15490eddc47af32bb2b66c34ff9ad8c6008ad677f77126953b226e4ed8b01", DbMailPasswordSchemes.LowerHex(Whirlpool.Hash(Enumerable.Repeat((byte)'a', 1_000_000).ToArray())));
    }
}
