using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;
using MailStoreAdmin.Core.Errors;
using Xunit;

namespace MailStoreAdmin.Core.Tests.DbMail;

public sealed class DbMailFetchRuleTests
{
    private static async Task<DbMailFixture> WithAliceAndBobAsync()
    {
        var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        f.Server.AddUser("bob");
        return f;
    }

    [Fact]
    public async Task Add_always_sends_delete_and_returns_the_listed_rule_with_a_decoded_status()
    {
        await using var f = await WithAliceAndBobAsync();
        var rule = await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "remote@example.test", "pw1", false, c, f.None));
        Assert.Equal("0", Assert.Single(f.Server.CallsTo("addGetMailRule")).Form["delete"]);
        Assert.Equal(DbMailFetchStatus.NotRunYet, rule!.Status);
        Assert.Equal(("pop.example.test", "remote@example.test", false), (rule.Server, rule.RemoteUser, rule.DeleteAfterFetch));

        f.Server.State.FetchRules[0].Status = 2;
        Assert.Equal(DbMailFetchStatus.WrongPassword, Assert.Single(await f.Observer.Results<DbMailFetchRule>(c => DbMailFetchRuleOperations.ListAsync(f.Connection, "alice", null, c, f.None))).Status);
        f.Server.State.FetchRules[0].Status = 17;
        Assert.Equal(DbMailFetchStatus.Unknown, Assert.Single(await f.Observer.Results<DbMailFetchRule>(c => DbMailFetchRuleOperations.ListAsync(f.Connection, "alice", null, c, f.None))).Status);
    }

    [Fact]
    public async Task Set_changes_only_what_is_given_and_keeps_the_password()
    {
        await using var f = await WithAliceAndBobAsync();
        var rule = await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "remote@example.test", "pw1", true, c, f.None));
        var changed = await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.SetAsync(f.Connection, "alice", rule!.Id, "pop2.example.test", null, null, null, true, c, f.None));
        Assert.Equal(("pop2.example.test", "remote@example.test", true), (changed!.Server, changed.RemoteUser, changed.DeleteAfterFetch));
        Assert.Equal("pw1", f.Server.State.FetchRules[0].Password);
        var edit = Assert.Single(f.Server.CallsTo("editGetMailRule"));
        Assert.Equal("", edit.Form["password"]);
        Assert.Equal("1", edit.Form["delete"]);

        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.SetAsync(f.Connection, "alice", rule!.Id, null, null, "pw2", false, true, c, f.None));
        Assert.Equal(("pw2", 0), (f.Server.State.FetchRules[0].Password, f.Server.State.FetchRules[0].Delete));
    }

    [Fact]
    public async Task Another_users_rule_is_not_found_and_nothing_is_sent()
    {
        await using var f = await WithAliceAndBobAsync();
        var rule = await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "bob", "pop.example.test", "b@example.test", "pw", false, c, f.None));
        f.Server.ClearCalls();
        var set = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFetchRuleOperations.SetAsync(f.Connection, "alice", rule!.Id, "h.example.test", null, null, null, true, f.Observer, f.None));
        var remove = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFetchRuleOperations.RemoveAsync(f.Connection, "alice", rule!.Id, f.Observer, f.None));
        Assert.All(new[] { set, remove }, e => Assert.Equal("DbMailFetchRuleNotFound", e.ErrorId));
        Assert.Empty(f.ChangesSent());
        Assert.Single(f.Server.State.FetchRules);
    }

    [Theory]
    [InlineData("pop example", "r@example.test", "pw", "DbMailFetchServerInvalid")]
    [InlineData("", "r@example.test", "pw", "DbMailValueMissing")]
    [InlineData("pop.example.test", "0", "pw", "DbMailValueUnsupported")]
    [InlineData("pop.example.test", "r@example.test", "", "DbMailValueMissing")]
    public async Task Bad_rule_input_is_refused_before_anything_is_sent(string server, string remoteUser, string password, string errorId)
    {
        await using var f = await WithAliceAndBobAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", server, remoteUser, password, false, f.Observer, f.None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Empty(f.Server.Calls);
    }

    [Fact]
    public async Task A_value_over_255_characters_is_refused_before_sending()
    {
        await using var f = await WithAliceAndBobAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test",
            new string('r', 256), "pw", false, f.Observer, f.None));
        Assert.Equal("DbMailValueTooLong", e.ErrorId);
        Assert.Empty(f.Server.Calls);
    }

    [Fact]
    public async Task Remove_deletes_the_users_rule()
    {
        await using var f = await WithAliceAndBobAsync();
        var rule = await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "r@example.test", "pw", false, c, f.None));
        await DbMailFetchRuleOperations.RemoveAsync(f.Connection, "alice", rule!.Id, f.Observer, f.None);
        Assert.Empty(f.Server.State.FetchRules);
    }
}
