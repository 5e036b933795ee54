using System.Text;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration;
using MailStoreAdmin.Core.Integration.Sources;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Integration;

public sealed class FileUserSourceTests : IDisposable
{
    // "testpass" under SHA-512 crypt, DES crypt and dbmail's sha256 (section 2.6 of the research).
    private const string Sha512Crypt = "$6$saltsalt$UUTr6oVJTBk4azi0BmGqXvVgtbeWdSGG0b.P4dfxLVqqVmSL7RQXfoGFlx0.Jkt3Q2nsKyrc.M/cKE2XOCLN70";
    private const string DesCrypt = "abA5hjwYqm1.I";
    private const string Sha256Hex = "13d249f2cb4127b40cfa757866850278793f814ded3c587fe5889e889a7a9f6c";

    private readonly string _folder = Directory.CreateTempSubdirectory("userfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private string Write(string name, string content, bool bom = false)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    private static IReadOnlyList<DirectoryUser> List(IDirectoryUserSource source) => source.ListUsersAsync(CancellationToken.None).GetAwaiter().GetResult();

    private static bool Auth(IDirectoryUserSource source, string user, string password) =>
        source.AuthenticateAsync(user, password, CancellationToken.None).GetAwaiter().GetResult();

    private static MailStoreAdminException LoadError(string path, UserFileFormat format = UserFileFormat.Auto)
    {
        using var source = new FileUserSource(path, format);
        return Assert.Throws<MailStoreAdminException>(() => List(source));
    }

    [Fact]
    public void Csv_with_quoting_bom_and_both_address_separators()
    {
        var path = Write("users.csv",
            "UserName,FULLNAME,emailAddresses,passwordHash,active,distinguishedName\r\n" +
            "alice,\"Liddell, Alice\",\"alice@example.com; a.liddell@example.com,alice@example.com\"," + Sha512Crypt + ",1,\"CN=Alice,\"\"Wonder\"\"\nland\"\r\n" +
            "\r\n" +
            "bob,,bob@example.com," + DesCrypt + ",,\n" +
            "carol,Carol,,,false,\n", bom: true);
        using var source = new FileUserSource(path);

        var users = List(source);
        Assert.Equal(new[] { "alice", "bob" }, users.Select(u => u.UserName));
        var alice = users[0];
        Assert.Equal("Liddell, Alice", alice.FullName);
        Assert.Equal("CN=Alice,\"Wonder\"\nland", alice.DistinguishedName);
        Assert.Equal(new[] { "alice@example.com", "a.liddell@example.com" }, alice.EmailAddresses);
        Assert.Null(users[1].FullName);
        Assert.Contains("users.csv", source.Description);
    }

    [Fact]
    public void Authenticates_case_insensitively_and_refuses_inactive_unknown_and_wrong()
    {
        var path = Write("users.csv",
            "userName,passwordHash,passwordScheme,active\n" +
            $"alice,{Sha512Crypt},,\n" +
            $"bob,{Sha256Hex},SHA256,yes\n" +
            $"carol,{DesCrypt},,no\n" +
            "dave,,,\n");
        using var source = new FileUserSource(path);

        Assert.True(Auth(source, "ALICE", "testpass"));
        Assert.True(Auth(source, "bob", "testpass"));
        Assert.False(Auth(source, "alice", "wrong"));
        Assert.False(Auth(source, "alice", ""));
        Assert.False(Auth(source, "carol", "testpass"));
        Assert.False(Auth(source, "dave", ""));
        Assert.False(Auth(source, "dave", "testpass"));
        Assert.False(Auth(source, "mallory", "testpass"));
        Assert.Equal(new[] { "alice", "bob", "dave" }, List(source).Select(u => u.UserName));
    }

    [Fact]
    public void Json_array_or_users_object_with_typed_values()
    {
        var path = Write("users.json", """
            {
              // comments and trailing commas are tolerated
              "Users": [
                { "userName": "alice", "emailAddresses": ["alice@example.com", "alice2@example.com"], "passwordHash": "HASH1", "active": true },
                { "username": "bob", "emailAddresses": "bob@example.com;b@example.com", "passwordHash": "HASH2", "passwordScheme": "sha256", "fullName": null },
                { "userName": "carol", "active": 0 },
              ]
            }
            """.Replace("HASH1", Sha512Crypt).Replace("HASH2", Sha256Hex), bom: true);
        using var source = new FileUserSource(path);

        var users = List(source);
        Assert.Equal(new[] { "alice", "bob" }, users.Select(u => u.UserName));
        Assert.Equal(new[] { "alice@example.com", "alice2@example.com" }, users[0].EmailAddresses);
        Assert.Equal(new[] { "bob@example.com", "b@example.com" }, users[1].EmailAddresses);
        Assert.True(Auth(source, "alice", "testpass"));
        Assert.True(Auth(source, "Bob", "testpass"));
        Assert.False(Auth(source, "carol", "testpass"));

        var arrayPath = Write("list.txt", $"[{{\"userName\":\"x\",\"passwordHash\":\"{DesCrypt}\"}}]");
        using var explicitJson = new FileUserSource(arrayPath, UserFileFormat.Json);
        Assert.True(Auth(explicitJson, "X", "testpass"));
    }

    [Fact]
    public void Rereads_the_file_when_it_changes()
    {
        var path = Write("users.csv", $"userName,passwordHash\nalice,{DesCrypt}\n");
        using var source = new FileUserSource(path);
        Assert.Single(List(source));

        File.WriteAllText(path, $"userName,passwordHash\nalice,{DesCrypt}\nbobby,{DesCrypt}\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(new[] { "alice", "bobby" }, List(source).Select(u => u.UserName));
        Assert.True(Auth(source, "bobby", "testpass"));

        // Same size, only the time moves: still noticed.
        File.WriteAllText(path, $"userName,passwordHash\nalice,{DesCrypt}\nbobbx,{DesCrypt}\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(2));
        Assert.Equal(new[] { "alice", "bobbx" }, List(source).Select(u => u.UserName));
        Assert.False(Auth(source, "bobby", "testpass"));

        // A broken edit fails loudly, and the fix takes effect on the next call.
        File.WriteAllText(path, "userName,passwordHash\nalice,\"unterminated\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(3));
        Assert.Throws<MailStoreAdminException>(() => List(source));
        File.WriteAllText(path, $"userName\ncarol\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(4));
        Assert.Equal("carol", Assert.Single(List(source)).UserName);
    }

    [Theory]
    [InlineData("userName,passwordHash\nalice,\"abc\"def\n", "line 2", "after a closing quote")]
    [InlineData("userName,passwordHash\nalice,ab\"c\n", "line 2", "quote inside an unquoted field")]
    [InlineData("userName,fullName\nalice,\"multi\nline\"\nbob,\"never closed\n", "line 4", "never ends")]
    [InlineData("userName,fullName\nalice,A\nbob\n", "line 3", "1 fields, but the header has 2")]
    [InlineData("userName,fullName\nalice,A\nALICE,B\n", "line 3", "duplicate userName 'ALICE' (also at line 2)")]
    [InlineData("userName,fullName\nalice,A\n,B\n", "line 3", "'userName' is missing")]
    [InlineData("fullName\nAlice\n", "line 1", "no 'userName' column")]
    [InlineData("userName,password\nalice,secret\n", "line 1", "unknown column 'password'")]
    [InlineData("userName,passwordHash,passwordScheme\nalice,testpass,plaintext\n", "line 2", "plaintext passwords are not accepted")]
    [InlineData("userName,passwordHash,passwordScheme\nalice,abc,sha384\n", "line 2", "unknown passwordScheme 'sha384'")]
    [InlineData("userName,passwordHash\nalice,testpass\n", "line 2", "not a crypt string")]
    [InlineData("userName,active\nalice,maybe\n", "line 2", "'active' must be")]
    [InlineData("", "line 1", "empty")]
    public void Csv_problems_name_the_line_and_never_quote_the_password(string content, string location, string problem)
    {
        var error = LoadError(Write("users.csv", content));
        Assert.Equal("UserFileInvalid", error.ErrorId);
        Assert.Contains(location + ":", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.DoesNotContain("testpass", error.Message);
    }

    [Theory]
    [InlineData("[{\"userName\":\"a\"},{\"userName\":\"b\",\"passwordHash\":\"testpass\",\"passwordScheme\":\"\"}]", "element 2", "plaintext passwords are not accepted")]
    [InlineData("[{\"userName\":\"a\"},{\"fullName\":\"B\"}]", "element 2", "'userName' is missing")]
    [InlineData("[{\"userName\":\"a\"},{\"userName\":\"A\"}]", "element 2", "duplicate userName 'A' (also at element 1)")]
    [InlineData("[{\"userName\":\"a\",\"secret\":\"testpass\"}]", "element 1", "unknown property 'secret'")]
    [InlineData("[{\"userName\":\"a\",\"fullName\":true}]", "element 1", "'fullName' must be a string")]
    [InlineData("[{\"userName\":\"a\",\"emailAddresses\":[1]}]", "element 1", "only strings")]
    [InlineData("[\"a\"]", "element 1", "JSON object")]
    [InlineData("{\"people\":[]}", "line 1", "\"users\" array")]
    [InlineData("[\n{\"userName\":\"a\"},\n{\"userName\": testpass}]", "line 3", "not valid JSON")]
    public void Json_problems_name_the_element_or_line(string content, string location, string problem)
    {
        var error = LoadError(Write("users.json", content));
        Assert.Equal("UserFileInvalid", error.ErrorId);
        Assert.Contains(location + ":", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain("testpass", error.Message);
    }

    [Fact]
    public void Missing_file_and_unknown_extension_are_reported()
    {
        var missing = LoadError(Path.Combine(_folder, "nope.csv"));
        Assert.Equal("UserFileNotFound", missing.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);

        var unknown = Assert.Throws<MailStoreAdminException>(() => new FileUserSource(Path.Combine(_folder, "users.txt")));
        Assert.Equal("UserFileFormatUnknown", unknown.ErrorId);
    }

    [Fact]
    public void Unsupported_hash_schemes_are_warned_about_and_cannot_log_in()
    {
        var path = Write("users.csv", "userName,passwordHash\nalice,$y$j9T$F5Jx5fExrKuPp53xLKQ..1$6foLM1JhGupouWKMU70wxK61Kw9ZnecbACjJwRadqM2\n");
        var warnings = new List<string>();
        using var source = new FileUserSource(path, warn: warnings.Add);

        Assert.Equal("alice", Assert.Single(List(source)).UserName);
        Assert.False(Auth(source, "alice", "x"));
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("scheme is not supported", w));
        Assert.All(warnings, w => Assert.DoesNotContain("6foLM1", w));
    }

    [Fact]
    public void Concurrent_callers_see_complete_lists_while_the_file_changes()
    {
        var path = Write("users.csv", $"userName,passwordHash\nalice,{DesCrypt}\nbob,{DesCrypt}\n");
        using var source = new FileUserSource(path);
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var users = source.ListUsersAsync(CancellationToken.None).GetAwaiter().GetResult();
                Assert.Equal(2, users.Count);
                Assert.True(source.AuthenticateAsync("alice", "testpass", CancellationToken.None).GetAwaiter().GetResult());
            }
        })).ToArray();
        for (var i = 0; i < 20; i++)
        {
            var temp = path + ".tmp";
            File.WriteAllText(temp, $"userName,passwordHash\nalice,{DesCrypt}\nbob{i % 3},{DesCrypt}\n");
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddSeconds(i + 1));
            File.Move(temp, path, overwrite: true);
        }
        Task.WaitAll(readers);
    }
}
