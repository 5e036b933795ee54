namespace MailStoreAdmin.FakeServers.DbMailApi;

/// <summary>The peer's databases: dbmail users (with their one sieve script) and the getmail GetMailRule table.</summary>
public sealed class FakeDbMailState
{
    public Dictionary<string, FakeDbMailUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<FakeFetchRule> FetchRules { get; } = new();
    public int NextFetchRuleId { get; set; } = 1;
}

public sealed class FakeDbMailUser
{
    public FakeDbMailUser(string name, string passwordSha256, IReadOnlyList<string> aliases)
    {
        Name = name;
        PasswordSha256 = passwordSha256;
        Aliases = aliases;
    }

    public string Name { get; }
    public string PasswordSha256 { get; set; }
    public IReadOnlyList<string> Aliases { get; }
    public int UnreadCount { get; set; }

    /// <summary>The blocks of script.sieve in script order; null until the first createRule imports a script.</summary>
    public List<FakeRuleBlock>? Script { get; set; }
}

/// <summary>One `#rule=` block as SieveCreator writes it; the JSON parts are stored re-encoded, as PHP does.</summary>
public sealed record FakeRuleBlock(string Name, string RulesJson, string JoinOperator, bool Disabled, string ActionsJson,
    string FirstAction, IReadOnlyList<string> Requires, string SieveText);

public sealed class FakeFetchRule
{
    public int Id { get; init; }
    public string Host { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string DbMailUserName { get; set; } = "";
    public int Delete { get; set; }
    public int Ssl { get; set; }
    public int Status { get; set; } = 1;
}
