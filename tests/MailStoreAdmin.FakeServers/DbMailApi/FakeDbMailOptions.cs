namespace MailStoreAdmin.FakeServers.DbMailApi;

public sealed class FakeDbMailOptions
{
    public string SecKey { get; set; } = "peer-secret";
    public string DefaultMailDomain { get; set; } = "example.test";
    public int Port { get; set; }
    public bool Tls { get; set; }

    /// <summary>The PHP 5 servers of 2014: unreadCount and fetch-rule numbers as numeric strings.</summary>
    public bool NumbersAsStrings { get; set; }

    /// <summary>A config copied from params-dist.php: two PHP warnings (HTML) precede every body.</summary>
    public bool PhpWarnings { get; set; }

    /// <summary>Where the peer's tools live, as echoed in CLI error messages.</summary>
    public string SbinPath { get; set; } = "/usr/sbin";

    /// <summary>Where the peer writes its temporary sieve files, as echoed in CLI error messages.</summary>
    public string TempPath { get; set; } = "/tmp";
}
