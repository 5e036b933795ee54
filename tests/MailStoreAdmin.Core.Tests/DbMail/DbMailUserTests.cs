using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;
using MailStoreAdmin.Core.Errors;
using Xunit;

namespace MailStoreAdmin.Core.Tests.DbMail;

public sealed class DbMailUserTests
{
    [Fact]
    public async Task Create_then_exists_then_change_password()
    {
        await using var f = await DbMailFixture.StartAsync();
        var user = await f.Observer.Result<DbMailUser>(c => DbMailUserOperations.CreateAsync(f.Connection, "alice", "alicepw", c, f.None));
        Assert.Equal("alice", user!.UserName);
        Assert.True(await DbMailUserOperations.ExistsAsync(f.Connection, "ALICE", f.Observer, f.None));
        Assert.Equal(new[] { "alice@example.test" }, f.Server.State.Users["alice"].Aliases);
        var before = f.Server.State.Users["alice"].PasswordSha256;
        await DbMailUserOperations.SetPasswordAsync(f.Connection, "alice", "newpw", f.Observer, f.None);
        Assert.NotEqual(before, f.Server.State.Users["alice"].PasswordSha256);
    }

    [Fact]
    public async Task A_duplicate_is_reported_as_existing_without_sending_createUser_and_its_password()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailUserOperations.CreateAsync(f.Connection, "alice", "pw2", f.Observer, f.None));
        Assert.Equal("DbMailUserExists", e.ErrorId);
        Assert.Empty(f.ChangesSent());
    }

    [Theory]
    [InlineData("a,b", "pw", "DbMailUserNameHasComma")]
    [InlineData("carol", "0", "DbMailValueUnsupported")]
    [InlineData("carol", "", "DbMailValueMissing")]
    [InlineData("0", "pw", "DbMailValueUnsupported")]
    [InlineData("car\nol", "pw", "DbMailValueHasControlCharacters")]
    public async Task Bad_user_input_is_refused_before_anything_is_sent(string user, string password, string errorId)
    {
        await using var f = await DbMailFixture.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailUserOperations.CreateAsync(f.Connection, user, password, f.Observer, f.None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(f.Server.Calls);
    }

    [Fact]
    public async Task An_unknown_user_is_the_same_not_found_error_on_every_route()
    {
        await using var f = await DbMailFixture.StartAsync();
        var calls = new Func<Task>[]
        {
            () => DbMailUserOperations.SetPasswordAsync(f.Connection, "nobody", "pw", f.Observer, f.None),
            () => DbMailUserOperations.RemoveAsync(f.Connection, "nobody", false, f.Observer, f.None),
            () => DbMailUserOperations.ClearMailboxAsync(f.Connection, "nobody", f.Observer, f.None),
            () => DbMailUserOperations.GetUnreadCountAsync(f.Connection, "nobody", f.Observer, f.None),
            () => DbMailFilterRuleOperations.GetAsync(f.Connection, "nobody", null, f.Observer, f.None),
            () => DbMailFetchRuleOperations.ListAsync(f.Connection, "nobody", null, f.Observer, f.None),
            () => DbMailFetchRuleOperations.AddAsync(f.Connection, "nobody", "pop.example.test", "x@example.test", "pw", false, f.Observer, f.None),
        };
        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<MailStoreAdminException>(call);
            Assert.Equal("DbMailUserNotFound", e.ErrorId);
            Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
        }
        Assert.Empty(f.ChangesSent());
    }

    [Fact]
    public async Task Remove_also_removes_the_users_fetch_rules_but_not_other_users_rules()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        f.Server.AddUser("bob");
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "a1@example.test", "pw", false, c, f.None));
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "a2@example.test", "pw", false, c, f.None));
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "bob", "pop.example.test", "b1@example.test", "pw", false, c, f.None));
        await DbMailUserOperations.RemoveAsync(f.Connection, "alice", false, f.Observer, f.None);
        Assert.False(f.Server.State.Users.ContainsKey("alice"));
        Assert.Equal(new[] { "bob" }, f.Server.State.FetchRules.Select(r => r.DbMailUserName));
    }

    [Fact]
    public async Task Remove_can_keep_fetch_rules_which_are_then_listed_as_orphans()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        await f.Observer.Result<DbMailFetchRule>(c => DbMailFetchRuleOperations.AddAsync(f.Connection, "alice", "pop.example.test", "a1@example.test", "pw", false, c, f.None));
        await DbMailUserOperations.RemoveAsync(f.Connection, "alice", true, f.Observer, f.None);
        var orphans = await f.Observer.Results<DbMailFetchRule>(c => DbMailFetchRuleOperations.ListAsync(f.Connection, "alice", null, c, f.None));
        Assert.Single(orphans);
        Assert.Contains(f.Observer.Warnings, w => w.Contains("orphans"));
    }

    [Fact]
    public async Task WhatIf_sends_no_change()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice", unread: 2);
        f.Observer.Confirm = false;
        Assert.Null(await f.Observer.Result<DbMailUser>(c => DbMailUserOperations.CreateAsync(f.Connection, "carol", "pw", c, f.None)));
        await DbMailUserOperations.SetPasswordAsync(f.Connection, "alice", "pw2", f.Observer, f.None);
        await DbMailUserOperations.ClearMailboxAsync(f.Connection, "alice", f.Observer, f.None);
        await DbMailUserOperations.RemoveAsync(f.Connection, "alice", false, f.Observer, f.None);
        Assert.Empty(f.ChangesSent());
        Assert.Equal(4, f.Observer.ShouldProcessTargets.Count);
    }

    [Fact]
    public async Task Clear_mailbox_and_unread_count()
    {
        await using var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice", unread: 5);
        Assert.Equal(5, (await f.Observer.Result<DbMailUnreadCount>(c => DbMailUserOperations.GetUnreadCountAsync(f.Connection, "alice", c, f.None)))!.UnreadCount);
        await DbMailUserOperations.ClearMailboxAsync(f.Connection, "alice", f.Observer, f.None);
        Assert.Equal(0, (await f.Observer.Result<DbMailUnreadCount>(c => DbMailUserOperations.GetUnreadCountAsync(f.Connection, "alice", c, f.None)))!.UnreadCount);
        Assert.Single(f.Server.CallsTo("truncateUser"));
    }
}
