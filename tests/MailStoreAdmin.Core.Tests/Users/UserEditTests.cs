using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Users;

public class UserEditTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task New_user_is_one_create_call_plus_one_for_addresses_and_reads_back_as_given()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext(debug: true);
        var properties = new MsUserProperties
        {
            FullName = "Jane Doe", DistinguishedName = "CN=Jane Doe,DC=example,DC=com", Authentication = MsUserAuthentication.Integrated,
            EmailAddresses = new[] { "jane@example.com; j.doe@example.com" },
            Privileges = new[] { MsUserPrivilege.Login, MsUserPrivilege.ChangePassword },
            LoginPrivileges = new[] { MsLoginPrivilege.Web, MsLoginPrivilege.Outlook },
        };
        await MsUserEditOperations.NewUserAsync(fake.Connection, "jdoe", properties, "S3cret-Pw!", true, context, None);

        Assert.Equal(new[] { "CreateUser", "SetUserEmailAddresses", "GetUserInfo" }, fake.Invoked());
        var create = fake.Server.CallsTo("/CreateUser").Single().Form;
        Assert.Equal("login,changePassword", create["privileges"]);
        Assert.Equal("web,outlook", create["loginPrivileges"]);
        Assert.Equal("integrated", create["authentication"]);
        Assert.Equal("S3cret-Pw!", fake.Server.Accounts.Find("jdoe")!.Password);
        var user = context.Single<MsUser>();
        Assert.Equal("Jane Doe", user.FullName);
        Assert.Equal(new[] { "jane@example.com", "j.doe@example.com" }, user.EmailAddresses);
        Assert.True(fake.Server.Folders.Exists("jdoe"));
        Assert.DoesNotContain("S3cret-Pw!", context.AllText() + string.Join("\n", context.ShouldProcessTargets));
        Assert.Contains("Create user user 'jdoe'", context.ShouldProcessTargets.Single());
    }

    [Theory]
    [InlineData("not-an-address", "InvalidEmailAddress")]
    [InlineData("Jane <jane@example.com>", "InvalidEmailAddress")]
    public async Task Bad_addresses_are_refused_before_anything_is_sent(string address, string errorId)
    {
        await using var fake = await UserFake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsUserEditOperations.NewUserAsync(fake.Connection, "x",
            new MsUserProperties { EmailAddresses = new[] { address } }, null, false, new RecordingContext(), None));
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(fake.Invoked());
    }

    [Fact]
    public async Task Admin_or_none_combined_with_other_privileges_is_refused_before_anything_is_sent()
    {
        await using var fake = await UserFake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsUserEditOperations.NewUserAsync(fake.Connection, "x",
            new MsUserProperties { Privileges = new[] { MsUserPrivilege.Admin, MsUserPrivilege.Login } }, null, false, new RecordingContext(), None));
        Assert.Equal("InvalidUserPrivilege", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002",
            null, new[] { MsUserPrivilege.Admin }, null, false, new RecordingContext(), None));
        Assert.Equal("InvalidUserPrivilege", e.ErrorId);
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task When_a_later_call_fails_the_error_names_what_was_set_and_what_was_not()
    {
        await using var fake = await UserFake.StartAsync();
        // user000001@example.com belongs to user000001: the server refuses to give it to another user.
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsUserEditOperations.NewUserAsync(fake.Connection, "jdoe",
            new MsUserProperties { FullName = "Jane", EmailAddresses = new[] { "user000001@example.com" } }, null, false, new RecordingContext(), None));
        Assert.Equal("MailStoreUserPartiallyChanged", e.ErrorId);
        Assert.Contains("Privilege, FullName done", e.Message);
        Assert.Contains("EmailAddress not set", e.Message);
        Assert.NotNull(fake.Server.Accounts.Find("jdoe"));
    }

    [Fact]
    public async Task Set_sends_only_the_given_properties_that_differ_and_merges_added_and_removed_addresses()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext();
        await MsUserEditOperations.SetUserAsync(fake.Connection, "USER000002", new MsUserProperties
        {
            FullName = "Test User 2", // unchanged
            AddEmailAddresses = new[] { "second@example.com" },
            Pop3UserNames = new[] { "u2" },
        }, false, context, None);
        Assert.Equal(new[] { "GetUserInfo", "SetUserEmailAddresses", "SetUserPop3UserNames" }, fake.Invoked());
        Assert.Equal("user000002@example.com,second@example.com", fake.Server.CallsTo("/SetUserEmailAddresses").Single().Form["emailAddresses"]);

        fake.Server.ClearCalls();
        await MsUserEditOperations.SetUserAsync(fake.Connection, "user000002", new MsUserProperties
        {
            RemoveEmailAddresses = new[] { "USER000002@example.com" }, DistinguishedName = "CN=Two,DC=example,DC=com",
            LoginPrivileges = new[] { MsLoginPrivilege.Api },
        }, true, context, None);
        var user = context.Single<MsUser>();
        Assert.Equal(new[] { "second@example.com" }, user.EmailAddresses);
        Assert.Equal("CN=Two,DC=example,DC=com", user.DistinguishedName);
        Assert.Equal(new[] { "api" }, user.LoginPrivileges);

        fake.Server.ClearCalls();
        await MsUserEditOperations.SetUserAsync(fake.Connection, "user000002", new MsUserProperties { EmailAddresses = new[] { "second@example.com" } },
            false, context, None);
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task Changing_a_user_that_does_not_exist_is_user_not_found_and_sends_no_change()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext();
        foreach (var work in new Func<Task>[]
        {
            () => MsUserEditOperations.SetUserAsync(fake.Connection, "nobody", new MsUserProperties { FullName = "X" }, false, context, None),
            () => MsUserEditOperations.SetPasswordAsync(fake.Connection, "nobody", "pw", context, None),
            () => MsUserEditOperations.RemoveUserAsync(fake.Connection, "nobody", context, None),
            () => MsUserEditOperations.RenameUserAsync(fake.Connection, "nobody", "somebody", false, context, None),
            () => MsUserEditOperations.ResetMfaAsync(fake.Connection, "nobody", context, None),
        })
        {
            var e = await Assert.ThrowsAsync<MailStoreAdminException>(work);
            Assert.Equal("MailStoreUserNotFound", e.ErrorId);
        }
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task Rename_refuses_a_taken_name_and_otherwise_keeps_the_archive_folder_name()
    {
        await using var fake = await UserFake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() =>
            MsUserEditOperations.RenameUserAsync(fake.Connection, "user000003", "USER000004", false, new RecordingContext(), None));
        Assert.Equal("MailStoreUserExists", e.ErrorId);
        Assert.Empty(fake.Changes());

        var context = new RecordingContext();
        await MsUserEditOperations.RenameUserAsync(fake.Connection, "user000003", "john.doe", true, context, None);
        Assert.Equal("john.doe", context.Single<MsUser>().UserName);
        Assert.Null(fake.Server.Accounts.Find("user000003"));
        Assert.True(fake.Server.Folders.Exists("user000003"));
        Assert.Contains("keeps its name", context.ShouldProcessTargets.Single());
    }

    [Fact]
    public async Task Remove_under_whatif_sends_nothing_and_then_deletes_the_user_but_not_the_archive()
    {
        await using var fake = await UserFake.StartAsync();
        var whatIf = new RecordingContext { Confirm = false };
        await MsUserEditOperations.RemoveUserAsync(fake.Connection, "user000005", whatIf, None);
        Assert.Empty(fake.Changes());
        Assert.Contains("archive folder 'user000005' and its messages stay", whatIf.ShouldProcessTargets.Single());

        await MsUserEditOperations.RemoveUserAsync(fake.Connection, "user000005", new RecordingContext(), None);
        Assert.Equal(new[] { "DeleteUser" }, fake.Changes());
        Assert.Null(fake.Server.Accounts.Find("user000005"));
        Assert.True(fake.Server.Folders.Exists("user000005"));
    }

    [Fact]
    public async Task Privileges_are_replaced_added_and_removed_against_what_the_user_has()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext();
        await MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002", null, new[] { MsUserPrivilege.Archive, MsUserPrivilege.Export },
            null, false, context, None);
        Assert.Equal("login,archive,export", fake.Server.CallsTo("/SetUserPrivileges").Last().Form["privileges"]);
        await MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002", null, null, new[] { MsUserPrivilege.Login }, true, context, None);
        Assert.Equal(new[] { "archive", "export" }, context.Single<MsUser>().Privileges);

        fake.Server.ClearCalls();
        await MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002", new[] { MsUserPrivilege.Export, MsUserPrivilege.Archive }, null, null,
            false, context, None);
        Assert.Empty(fake.Changes());
        await MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002", new[] { MsUserPrivilege.None }, null, null, false, context, None);
        Assert.Equal("none", fake.Server.CallsTo("/SetUserPrivileges").Single().Form["privileges"]);
    }

    [Fact]
    public async Task Adding_a_privilege_keeps_one_this_module_does_not_know()
    {
        await using var fake = await UserFake.StartAsync();
        fake.Server.Accounts.Edit("user000002")!.Privileges = new List<string> { "login", "auditTrail" };
        // The fake, like an older server, does not know the privilege either; what matters is what was sent.
        await Assert.ThrowsAsync<MsApiException>(() => MsUserEditOperations.SetPrivilegeAsync(fake.Connection, "user000002", null,
            new[] { MsUserPrivilege.Archive }, null, false, new RecordingContext(), None));
        Assert.Equal("login,auditTrail,archive", fake.Server.CallsTo("/SetUserPrivileges").Single().Form["privileges"]);
    }

    [Fact]
    public async Task Password_and_mfa_calls_name_the_user_and_never_show_the_password()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext(debug: true);
        await MsUserEditOperations.SetPasswordAsync(fake.Connection, "User000006", "Very-Secret-42", context, None);
        await MsUserEditOperations.ResetMfaAsync(fake.Connection, "user000006", context, None);
        await MsUserEditOperations.RemoveAppPasswordsAsync(fake.Connection, "user000006", context, None);
        await MsUserEditOperations.InitializeMfaAsync(fake.Connection, "user000006", context, None);
        Assert.Equal(new[] { "SetUserPassword", "DisableMFA", "DeleteAppPasswords", "InitializeMFA" }, fake.Changes());
        Assert.All(fake.Server.Calls.Where(c => c.Path.StartsWith("/api/invoke/Set", StringComparison.Ordinal) || c.Function.Contains("MFA") || c.Function == "DeleteAppPasswords"),
            c => Assert.Equal("user000006", c.Form["userName"]));
        Assert.Equal("Very-Secret-42", fake.Server.Accounts.Find("user000006")!.Password);
        Assert.Equal("initialize", fake.Server.Accounts.Find("user000006")!.MfaStatus);
        Assert.DoesNotContain("Very-Secret-42", context.AllText() + string.Join("\n", context.ShouldProcessTargets));
        Assert.Contains(context.Logs, l => l.Message.Contains("SetUserPassword"));
    }
}
