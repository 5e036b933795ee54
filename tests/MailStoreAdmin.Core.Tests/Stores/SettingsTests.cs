using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Stores;

/// <summary>Read-modify-write of compliance, store auto-create and retention: only the requested values change.</summary>
public class SettingsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The JSON the server stored, with one property path replaced, to compare whole documents.</summary>
    private static string With(string json, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(json)!;
        change(node);
        return node.ToJsonString();
    }

    private static string Normal(string json) => JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public async Task Legal_hold_changes_one_property_and_every_unknown_property_survives()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var before = server.StoreArea.Compliance.Json;
        var context = new RecordingContext();
        await MsComplianceOperations.SetLegalHoldAsync(connection, true, passThru: true, context, None);

        Assert.Equal(With(before, n => n["legalHoldEnabled"] = true), Normal(server.StoreArea.Compliance.Json));
        Assert.Equal("Enable legal hold compliance configuration on " + connection + " (legalHoldEnabled: False -> True)", Assert.Single(context.ShouldProcessTargets));
        var passed = context.Single<PlainObject>();
        Assert.Equal(true, passed["legalHoldEnabled"]);
        Assert.Equal("MailStoreAdmin.ComplianceConfiguration", passed.TypeName);
    }

    [Fact]
    public async Task What_if_an_unchanged_value_or_an_unknown_property_sends_no_write()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        await MsComplianceOperations.SetLegalHoldAsync(connection, true, false, new RecordingContext { Confirm = false }, None);
        var unchanged = new RecordingContext();
        await MsComplianceOperations.SetLegalHoldAsync(connection, false, false, unchanged, None);
        Assert.Empty(unchanged.ShouldProcessTargets);
        var unknown = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsComplianceOperations.SetConfigurationAsync(connection, new Hashtable { ["legalHoldEnable"] = true }, false, new RecordingContext(), None));
        Assert.Equal("ConfigurationPropertyUnknown", unknown.ErrorId);
        Assert.Contains("legalHoldEnabled", unknown.Message);
        Assert.Empty(server.CallsTo("/SetComplianceConfiguration"));
        Assert.Equal(0, server.StoreArea.Compliance.SetCount);
    }

    [Fact]
    public async Task Compliance_and_auto_create_set_only_the_given_properties_matched_case_insensitively()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var compliance = server.StoreArea.Compliance.Json;
        await MsComplianceOperations.SetConfigurationAsync(connection,
            new Hashtable { ["LogSuccessfulUserActivities"] = new object[] { "login", "search" } }, false, new RecordingContext(), None);
        Assert.Equal(With(compliance, n => n["logSuccessfulUserActivities"] = new JsonArray("login", "search")), Normal(server.StoreArea.Compliance.Json));

        var autoCreate = server.StoreArea.AutoCreate.Json;
        var context = new RecordingContext();
        await MsStoreAutoCreateOperations.SetConfigurationAsync(connection, new Hashtable { ["enabled"] = true }, false, context, None);
        Assert.Equal(With(autoCreate, n => n["enabled"] = true), Normal(server.StoreArea.AutoCreate.Json));
        var read = new RecordingContext();
        await MsStoreAutoCreateOperations.GetConfigurationAsync(connection, read, None);
        Assert.IsType<PlainObject>(read.Single<PlainObject>()["futureOption"]);
    }

    [Fact]
    public async Task Setting_one_retention_policy_keeps_the_others_and_their_unknown_properties()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var before = server.StoreArea.Retention.Json;
        var context = new RecordingContext();
        await MsRetentionOperations.SetPolicyAsync(connection, "sales 7 years", 8, null, null, null, passThru: true, context, None);

        Assert.Equal(With(before, n => n[1]!["retentionPeriod"] = 8), Normal(server.StoreArea.Retention.Json));
        var policy = context.Single<MsRetentionPolicy>();
        Assert.Equal(8, policy.RetentionPeriod);
        Assert.Equal(2, policy.Properties["priority"]);
        Assert.Equal("Set retention policy 'sales 7 years' on " + connection + " (retentionPeriod: 7 -> 8)", Assert.Single(context.ShouldProcessTargets));
    }

    [Fact]
    public async Task A_new_policy_is_added_at_the_end_with_defaults_for_what_was_not_given()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsRetentionOperations.SetPolicyAsync(connection, "Legal 30 days", 30, MsRetentionPeriodUnit.Days, new[] { "legal/*" },
            new Hashtable { ["action"] = "delete" }, false, context, None);
        Assert.StartsWith("Add retention policy 'Legal 30 days'", Assert.Single(context.ShouldProcessTargets));

        var list = new RecordingContext();
        await MsRetentionOperations.GetPoliciesAsync(connection, null, list, None);
        var policies = list.Of<MsRetentionPolicy>();
        Assert.Equal(new[] { "Default 10 years", "Sales 7 years", "Legal 30 days" }, policies.Select(p => p.Name));
        Assert.Equal("days", policies[2].RetentionPeriodUnit);
        Assert.Equal(new[] { "legal/*" }, policies[2].Folders);
        Assert.Equal("kept", policies[0].Properties["futureField"]);
    }

    [Theory]
    [InlineData(0, "RetentionPeriodInvalid")]
    [InlineData(-3, "RetentionPeriodInvalid")]
    [InlineData(null, "RetentionPeriodMissing")]
    public async Task A_period_below_one_or_a_new_policy_without_period_is_refused_before_anything_is_sent(int? period, string errorId)
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsRetentionOperations.SetPolicyAsync(connection, "New policy", period, null, new[] { "*" }, null, false, new RecordingContext(), None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(server.CallsTo("/SetRetentionPolicies"));
    }

    [Fact]
    public async Task Policies_filter_by_wildcard_and_a_missing_name_is_an_error_record()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsRetentionOperations.GetPoliciesAsync(connection, "sales*", context, None);
        Assert.Equal("Sales 7 years", context.Single<MsRetentionPolicy>().Name);
        var missing = new RecordingContext();
        await MsRetentionOperations.GetPoliciesAsync(connection, "Nope", missing, None);
        Assert.Equal("MailStoreRetentionPolicyNotFound", Assert.Single(missing.Errors).ErrorId);
    }

    [Fact]
    public async Task Processing_retention_names_the_policies_in_what_if_and_says_it_cannot_preview()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext { Confirm = false };
        await MsRetentionOperations.ProcessPoliciesAsync(connection, false, context, None);
        var question = Assert.Single(context.ShouldProcessTargets);
        Assert.Contains("cannot preview", question);
        Assert.Contains("'Default 10 years' (10 years), 'Sales 7 years' (7 years)", question);
        Assert.Empty(server.CallsTo("/ProcessRetentionPolicies"));
    }

    [Fact]
    public void A_changed_object_is_described_with_its_nested_secrets_masked_and_still_compared_exactly()
    {
        var target = new PlainObject { ["smtp"] = new PlainObject { ["host"] = "mail", ["password"] = "Old-Secret-1" } };
        var changes = new Hashtable { ["smtp"] = new PlainObject { ["host"] = "mail", ["password"] = "New-Secret-2" } };

        var described = MsConfigurationOperations.Apply(target, changes, "compliance configuration", addMissing: false);

        // Only the nested password differs: the change is still detected, but neither password is shown.
        var line = Assert.Single(described);
        Assert.DoesNotContain("Old-Secret-1", line);
        Assert.DoesNotContain("New-Secret-2", line);
        Assert.Contains("host", line);
        Assert.Equal("New-Secret-2", ((PlainObject)target["smtp"]!)["password"]);
    }
}
