using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;
using MailStoreAdmin.Core.Errors;
using Xunit;

namespace MailStoreAdmin.Core.Tests.DbMail;

public sealed class DbMailFilterRuleTests
{
    private static DbMailFilterCondition C(DbMailFilterField field, DbMailFilterOperator op, string value) => new(field, op, value);

    private static DbMailFilterRuleSpec Spec(string name, DbMailFilterAction action = DbMailFilterAction.StoreIn, string? argument = "Work",
        params DbMailFilterCondition[] conditions) =>
        new(name, conditions.Length == 0 ? new[] { C(DbMailFilterField.From, DbMailFilterOperator.Is, "boss@example.test") } : conditions,
            DbMailJoinOperator.And, action, argument, disabled: false);

    private static async Task<DbMailFixture> WithAliceAsync()
    {
        var f = await DbMailFixture.StartAsync();
        f.Server.AddUser("alice");
        return f;
    }

    [Fact]
    public async Task Typed_rules_round_trip_through_the_server()
    {
        await using var f = await WithAliceAsync();
        var spec = new DbMailFilterRuleSpec("big-mail",
            new[] { C(DbMailFilterField.MessageSize, DbMailFilterOperator.GreaterThan, "10MB"), C(DbMailFilterField.Subject, DbMailFilterOperator.IsNot, "*[list]*") },
            DbMailJoinOperator.Or, DbMailFilterAction.MirrorTo, "archive@example.test", disabled: true);
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", spec, c, f.None));

        var sent = Assert.Single(f.Server.CallsTo("createRule"));
        Assert.Equal("[{\"Message Size\":{\"operation\":\"greater than\",\"value\":\"10485760\"}},{\"Subject\":{\"operation\":\"is not\",\"value\":\"*[list]*\"}}]", sent.Form["rules"]);
        Assert.Equal("{\"Mirror to\":\"archive@example.test\"}", sent.Form["actions"]);
        Assert.Equal("1", sent.Form["disabled"]);
        Assert.Equal("or", sent.Form["rulesJoinOperator"]);

        var rule = Assert.Single(await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None)));
        Assert.Equal("big-mail", rule.Name);
        Assert.Equal(DbMailJoinOperator.Or, rule.JoinOperator);
        Assert.Equal(DbMailFilterAction.MirrorTo, rule.Action);
        Assert.Equal("archive@example.test", rule.ActionArgument);
        Assert.True(rule.Disabled);
        Assert.Equal(new[] { "Message Size greater than 10485760", "Subject is not \"*[list]*\"" }, rule.Conditions.Select(c => c.ToString()));
    }

    [Fact]
    public async Task Rules_copy_from_one_user_to_another()
    {
        await using var f = await WithAliceAsync();
        f.Server.AddUser("bob");
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("work"), c, f.None));
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("flag", DbMailFilterAction.MarkFlagged, null,
            C(DbMailFilterField.XSpamFlag, DbMailFilterOperator.Is, "YES")), c, f.None));
        foreach (var rule in await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None)))
        {
            var copy = new DbMailFilterRuleSpec(rule.Name, rule.Conditions, rule.JoinOperator, rule.Action, rule.ActionArgument, rule.Disabled);
            await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "bob", copy, c, f.None));
        }
        var alice = (await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None))).Select(r => (r.Name, r.RulesJson, r.ActionsJson));
        var bob = (await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "bob", null, c, f.None))).Select(r => (r.Name, r.RulesJson, r.ActionsJson));
        Assert.Equal(alice, bob);
    }

    [Fact]
    public async Task No_rules_is_an_empty_list_although_the_server_sends_an_array()
    {
        await using var f = await WithAliceAsync();
        Assert.Empty(await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None)));
    }

    public static TheoryData<string, DbMailFilterRuleSpec> InvalidRules => new()
    {
        { "DbMailFilterRuleNameUnsafe", Spec("inj\ndiscard;\n#") },
        { "DbMailFilterRuleNameUnsafe", Spec("tab\tname") },
        { "DbMailFilterRuleNameUnsafe", Spec("line\u2028separator") },
        { "DbMailValueMissing", Spec("") },
        { "DbMailFilterSizeInvalid", Spec("s", DbMailFilterAction.Discard, null, C(DbMailFilterField.MessageSize, DbMailFilterOperator.LessThan, "0")) },
        { "DbMailFilterSizeInvalid", Spec("s", DbMailFilterAction.Discard, null, C(DbMailFilterField.MessageSize, DbMailFilterOperator.LessThan, "-5")) },
        { "DbMailFilterSizeInvalid", Spec("s", DbMailFilterAction.Discard, null, C(DbMailFilterField.MessageSize, DbMailFilterOperator.Is, "1e3")) },
        { "DbMailFilterSizeInvalid", Spec("s", DbMailFilterAction.Discard, null, C(DbMailFilterField.MessageSize, DbMailFilterOperator.Is, "1.5")) },
        { "DbMailFilterSizeInvalid", Spec("s", DbMailFilterAction.Discard, null, C(DbMailFilterField.MessageSize, DbMailFilterOperator.Is, "big")) },
        { "DbMailFilterFieldUnknown", Spec("f", DbMailFilterAction.Discard, null, C((DbMailFilterField)42, DbMailFilterOperator.Is, "x")) },
        { "DbMailFilterOperatorUnknown", Spec("o", DbMailFilterAction.Discard, null, C(DbMailFilterField.From, DbMailFilterOperator.LessThan, "x")) },
        { "DbMailFilterOperatorUnknown", Spec("o", DbMailFilterAction.Discard, null, C(DbMailFilterField.Subject, (DbMailFilterOperator)9, "x")) },
        { "DbMailFilterAddressInvalid", Spec("m", DbMailFilterAction.MirrorTo, "notanemail") },
        { "DbMailFilterAddressInvalid", Spec("m", DbMailFilterAction.MirrorTo, "a b@example.test") },
        { "DbMailFilterAddressInvalid", Spec("m", DbMailFilterAction.MirrorTo, "a@localhost") },
        { "DbMailFilterAddressInvalid", Spec("m", DbMailFilterAction.MirrorTo, null) },
        { "DbMailValueMissing", Spec("folder", DbMailFilterAction.StoreIn, "") },
        { "DbMailFilterRuleHasNoCondition", new DbMailFilterRuleSpec("n", Array.Empty<DbMailFilterCondition>(), DbMailJoinOperator.And, DbMailFilterAction.Discard, null, false) },
        { "DbMailValueUnsupported", Spec("v", DbMailFilterAction.Discard, null, C(DbMailFilterField.Subject, DbMailFilterOperator.Is, "0")) },
        { "DbMailValueMissing", Spec("v", DbMailFilterAction.Discard, null, C(DbMailFilterField.Subject, DbMailFilterOperator.Is, "")) },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task Invalid_rules_are_refused_before_anything_is_sent(string errorId, DbMailFilterRuleSpec spec)
    {
        await using var f = await WithAliceAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", spec, f.Observer, f.None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(f.Server.Calls);
    }

    [Fact]
    public async Task A_name_that_exists_is_refused_and_createRule_is_never_sent()
    {
        await using var f = await WithAliceAsync();
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("work"), c, f.None));
        f.Server.ClearCalls();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("work"), f.Observer, f.None));
        Assert.Equal("DbMailFilterRuleExists", e.ErrorId);
        Assert.Empty(f.Server.CallsTo("createRule"));
    }

    [Fact]
    public async Task Values_that_can_never_match_are_sent_with_a_warning()
    {
        await using var f = await WithAliceAsync();
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("ru", DbMailFilterAction.Discard, null,
            C(DbMailFilterField.Subject, DbMailFilterOperator.Is, "*тест*")), c, f.None));
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("amp", DbMailFilterAction.Discard, null,
            C(DbMailFilterField.Subject, DbMailFilterOperator.Is, "A & B")), c, f.None));
        Assert.Equal(2, f.Observer.Warnings.Count(w => w.Contains("can never match")));
        Assert.Equal(2, f.Server.CallsTo("createRule").Count());
    }

    [Fact]
    public async Task Removing_a_rule_never_loses_the_rules_whose_names_start_with_it()
    {
        await using var f = await WithAliceAsync();
        foreach (var name in new[] { "work", "work2", "workshop", "other" })
        {
            await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec(name, DbMailFilterAction.StoreIn, name.ToUpperInvariant()), c, f.None));
        }
        await DbMailFilterRuleOperations.RemoveAsync(f.Connection, "alice", "work", f.Observer, f.None);

        var left = await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None));
        Assert.Equal(new[] { "other", "work2", "workshop" }, left.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("WORKSHOP", left.Single(r => r.Name == "workshop").ActionArgument);
        Assert.Equal(2, f.Observer.Warnings.Count(w => w.Contains("re-created")));
    }

    [Fact]
    public async Task Removing_a_name_that_does_not_exist_sends_no_deleteRule()
    {
        await using var f = await WithAliceAsync();
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("work2"), c, f.None));
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => DbMailFilterRuleOperations.RemoveAsync(f.Connection, "alice", "work", f.Observer, f.None));
        Assert.Equal("DbMailFilterRuleNotFound", e.ErrorId);
        Assert.Empty(f.Server.CallsTo("deleteRule"));
        Assert.Single(await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None)));
    }

    [Fact]
    public async Task Stored_rules_restore_exactly_even_when_the_typed_view_is_lossy()
    {
        await using var f = await WithAliceAsync();
        // What older clients could store through the raw API: a one-rule 'xor', a numeric size, two actions.
        using (var client = new HttpClient { BaseAddress = f.Server.Uri })
        {
            await client.PostAsync("createRule", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["secKey"] = DbMailFixture.SecKey, ["userName"] = "alice", ["ruleName"] = "x2", ["rulesJoinOperator"] = "xor",
                ["rules"] = "[{\"Message Size\":{\"operation\":\"is\",\"value\":155}}]", ["actions"] = "{\"Discard\":1}",
            }));
        }
        await f.Observer.Result<DbMailFilterRule>(c => DbMailFilterRuleOperations.CreateAsync(f.Connection, "alice", Spec("x"), c, f.None));
        var before = (await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None))).Single(r => r.Name == "x2");
        await DbMailFilterRuleOperations.RemoveAsync(f.Connection, "alice", "x", f.Observer, f.None);
        var after = Assert.Single(await f.Observer.Results<DbMailFilterRule>(c => DbMailFilterRuleOperations.GetAsync(f.Connection, "alice", null, c, f.None)));
        Assert.Equal((before.Name, before.RulesJson, before.ActionsJson, before.JoinOperatorText), (after.Name, after.RulesJson, after.ActionsJson, after.JoinOperatorText));
    }
}
