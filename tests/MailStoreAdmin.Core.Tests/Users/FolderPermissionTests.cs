using System.Collections;
using System.Collections.Specialized;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Users;

public class FolderPermissionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static IDictionary Row(string user, string folder, object access) =>
        new OrderedDictionary { ["UserName"] = user, ["Folder"] = folder, ["Access"] = access };

    private static async Task<List<MsFolderPermissionChange>> SyncAsync(UserFake fake, IEnumerable<object?> desired, RecordingContext? context = null,
        FolderPermissionScope? scope = null, bool removeUnlisted = false)
    {
        context ??= new RecordingContext();
        await MsFolderPermissionOperations.SyncAsync(fake.Connection, desired.ToList(), scope, removeUnlisted, 4, true, context, None);
        Assert.Empty(context.Errors);
        return context.Of<MsFolderPermissionChange>();
    }

    private static async Task<List<MsFolderPermission>> PermissionsAsync(UserFake fake, string? user = null, string? folder = null)
    {
        var context = new RecordingContext();
        await MsFolderPermissionOperations.GetPermissionsAsync(fake.Connection, user, folder, 4, context, None);
        return context.Of<MsFolderPermission>();
    }

    [Fact]
    public async Task Permissions_are_one_object_per_user_and_folder_from_user_info()
    {
        await using var fake = await UserFake.StartAsync();
        var all = await PermissionsAsync(fake);
        Assert.Equal(12, all.Count);
        Assert.All(all, p => Assert.Equal((p.UserName, MsFolderAccess.Read), (p.Folder, p.Access)));
        var one = Assert.Single(await PermissionsAsync(fake, "USER000002"));
        Assert.Equal("user000002", one.UserName);
        Assert.Empty(await PermissionsAsync(fake, "user00000*", "nothing*"));
        // All 12, then one directly, then the 9 that match user00000*.
        Assert.Equal(12 + 1 + 9, fake.Invoked().Count(f => f == "GetUserInfo"));
    }

    [Fact]
    public async Task Whatif_plans_every_change_and_sends_none_then_the_run_applies_them_and_a_second_run_changes_nothing()
    {
        await using var fake = await UserFake.StartAsync();
        var desired = new object?[]
        {
            Row("user000001", "user000002", "Read"),              // grant
            Row("user000002", "user000002", "Read, Write"),       // change own read
            Row("user000003", "user000003", "None"),              // revoke
            Row("user000004", "user000004", MsFolderAccess.Read), // already so
            new MsFolderPermission { UserName = "user000005", Folder = "user000001", Access = MsFolderAccess.Read | MsFolderAccess.Delete },
        };
        var whatIf = new RecordingContext { Confirm = false };
        var plan = await SyncAsync(fake, desired, whatIf);
        Assert.Equal(new[] { MsFolderPermissionAction.Grant, MsFolderPermissionAction.Change, MsFolderPermissionAction.Revoke, MsFolderPermissionAction.Grant },
            plan.Select(c => c.Action));
        Assert.All(plan, c => Assert.Equal(MsChangeStatus.Planned, c.Status));
        Assert.Equal(4, whatIf.ShouldProcessTargets.Count);
        Assert.Contains("Change Read to Read, Write folder 'user000002' for user 'user000002'", whatIf.ShouldProcessTargets[1]);
        Assert.Empty(fake.Changes());

        var applied = await SyncAsync(fake, desired);
        Assert.All(applied, c => Assert.Equal(MsChangeStatus.Applied, c.Status));
        Assert.Equal(new[] { "read,delete" }, fake.Server.CallsTo("/SetUserPrivilegesOnFolder").Where(c => c.Form["userName"] == "user000005").Select(c => c.Form["privileges"]));
        Assert.Equal("none", fake.Server.CallsTo("/SetUserPrivilegesOnFolder").Single(c => c.Form["userName"] == "user000003").Form["privileges"]);
        Assert.Equal(MsFolderAccess.Read | MsFolderAccess.Write, (await PermissionsAsync(fake, "user000002")).Single().Access);

        fake.Server.ClearCalls();
        Assert.Empty(await SyncAsync(fake, desired));
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task Names_compare_as_the_server_compares_them_and_duplicates_combine()
    {
        await using var fake = await UserFake.StartAsync();
        await SyncAsync(fake, new[] { Row("user000006", "user000007", "Read") });
        fake.Server.ClearCalls();
        var changes = await SyncAsync(fake, new[] { Row("USER000006", "User000007", "read"), Row("user000006", "USER000007", "Write") });
        var change = Assert.Single(changes);
        Assert.Equal((MsFolderAccess.Read, MsFolderAccess.Read | MsFolderAccess.Write), (change.OldAccess, change.NewAccess));
    }

    [Fact]
    public async Task Remove_unlisted_revokes_only_within_scope_and_keeps_users_own_archives()
    {
        await using var fake = await UserFake.StartAsync();
        await SyncAsync(fake, new[] { Row("user000001", "user000009", "Read"), Row("user000002", "user000009", "Read"), Row("user000003", "user000010", "Read") });
        fake.Server.ClearCalls();
        var changes = await SyncAsync(fake, new[] { Row("user000001", "user000009", "Read") }, scope: new FolderPermissionScope(new[] { "user00000?" }, null),
            removeUnlisted: true);
        var revoke = Assert.Single(changes);
        Assert.Equal((MsFolderPermissionAction.Revoke, "user000002", "user000009"), (revoke.Action, revoke.UserName, revoke.Folder));
        Assert.Equal(MsFolderAccess.Read, (await PermissionsAsync(fake, "user000003", "user000010")).Single().Access);
        Assert.Equal(MsFolderAccess.Read, (await PermissionsAsync(fake, "user000009", "user000009")).Single().Access);

        var context = new RecordingContext();
        fake.Server.ClearCalls();
        var userScoped = await SyncAsync(fake, new[] { Row("user000003", "user000011", "Read") }, context,
            new FolderPermissionScope(null, new[] { "user000004" }), removeUnlisted: true);
        Assert.Empty(userScoped);
        Assert.Contains(context.Warnings, w => w.Contains("outside the scope"));
        Assert.Equal(new[] { "GetChildFolders", "GetUsers", "GetUserInfo" }, fake.Invoked());
    }

    [Fact]
    public async Task Unknown_users_folders_and_bad_rows_stop_the_run_before_anything_is_sent()
    {
        await using var fake = await UserFake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => SyncAsync(fake, new[] { Row("user000001", "user000002", "Read"), Row("ghost", "user000002", "Read") }));
        Assert.Equal(("MailStoreUserNotFound", ErrorKind.ObjectNotFound), (e.ErrorId, e.Kind));
        Assert.Contains("'ghost'", e.Message);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => SyncAsync(fake, new[] { Row("ghost", "user000002", "Read") }, removeUnlisted: true));
        Assert.Equal("MailStoreUserNotFound", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => SyncAsync(fake, new[] { Row("user000001", "user000002/Inbox", "Read"), Row("user000001", "attic", "Read") }));
        Assert.Equal("MailStoreFolderNotFound", e.ErrorId);
        Assert.Contains("'user000002/Inbox', 'attic'", e.Message);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => SyncAsync(fake, new object?[]
        {
            Row("user000001", "user000002", "Reed"), new OrderedDictionary { ["UserName"] = "user000001", ["Access"] = "Read" }, "text", Row("user000001", "user000002", 9),
        }));
        Assert.Equal(("InvalidDesiredState", ErrorKind.InvalidArgument), (e.ErrorId, e.Kind));
        Assert.Contains("4 invalid entries", e.Message);
        Assert.Contains("row 1: 'Reed' is not a folder access level", e.Message);
        Assert.Contains("row 2: Folder is missing", e.Message);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => SyncAsync(fake, Array.Empty<object?>(), removeUnlisted: true));
        Assert.Equal("EmptyDesiredState", e.ErrorId);
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task A_change_the_server_refuses_is_an_error_record_and_the_others_are_applied()
    {
        await using var fake = await UserFake.StartAsync();
        // Deleted between the read and the change: the server refuses the change for that user only.
        var context = new RecordingContext { OnEachStatus = null };
        var desired = new[] { Row("user000001", "user000003", "Read"), Row("user000002", "user000003", "Read") };
        var gate = new ShouldProcessHook(context, target =>
        {
            if (target.Contains("user000001")) fake.Server.Accounts.Delete("user000001");
        });
        await MsFolderPermissionOperations.SyncAsync(fake.Connection, desired, null, false, 2, true, gate, None);
        var records = context.Of<MsFolderPermissionChange>();
        Assert.Equal(new[] { MsChangeStatus.Failed, MsChangeStatus.Applied }, records.Select(r => r.Status));
        Assert.Equal("MailStoreFolderPermissionFailed", Assert.Single(context.Errors).ErrorId);
    }

    [Fact]
    public async Task Reads_and_changes_stay_within_the_throttle_limit()
    {
        await using var fake = await UserFake.StartAsync(o =>
        {
            o.UserCount = 40;
            o.UserInfoLatency = TimeSpan.FromMilliseconds(20);
        });
        var desired = Enumerable.Range(1, 40).Select(i => (object?)Row(MsUserName(i), MsUserName(i % 40 + 1), "Read")).ToList();
        var changes = await SyncAsync(fake, desired);
        Assert.Equal(40, changes.Count);
        Assert.InRange(fake.Server.MaxConcurrentUserInfo, 2, 4);
    }

    [Fact]
    public async Task Set_and_remove_reuse_the_plan_and_remove_without_folder_clears_in_one_call()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext();
        await MsFolderPermissionOperations.SetPermissionAsync(fake.Connection, new[] { "user000008", "user000009" }, new[] { "user000010", "user000011" },
            MsFolderAccess.Read, true, 4, context, None);
        Assert.Equal(4, context.Of<MsFolderPermissionChange>().Count);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsFolderPermissionOperations.SetPermissionAsync(fake.Connection, new[] { "user000008" },
            new[] { "nowhere" }, MsFolderAccess.Read, false, 4, new RecordingContext(), None));
        Assert.Equal("MailStoreFolderNotFound", e.ErrorId);

        fake.Server.ClearCalls();
        context = new RecordingContext();
        await MsFolderPermissionOperations.RemovePermissionAsync(fake.Connection, "user000008", "user00001?", true, context, None);
        Assert.Equal(new[] { "user000010", "user000011" }, context.Of<MsFolderPermissionChange>().Select(c => c.Folder));
        Assert.Equal(2, fake.Server.CallsTo("/SetUserPrivilegesOnFolder").Count());

        context = new RecordingContext();
        await MsFolderPermissionOperations.RemovePermissionAsync(fake.Connection, "user000009", null, true, context, None);
        Assert.Equal(new[] { "user000009", "user000010", "user000011" }, context.Of<MsFolderPermissionChange>().Select(c => c.Folder).Order()); // grants arrived concurrently
        Assert.Single(fake.Server.CallsTo("/ClearUserPrivilegesOnFolders"));
        Assert.Empty(await PermissionsAsync(fake, "user000009"));

        fake.Server.ClearCalls();
        await MsFolderPermissionOperations.RemovePermissionAsync(fake.Connection, "user000009", null, false, new RecordingContext(), None);
        Assert.Empty(fake.Changes());
    }

    private static string MsUserName(int i) => $"user{i:D6}";

    /// <summary>Runs an action when ShouldProcess is asked, then agrees.</summary>
    private sealed class ShouldProcessHook : MailStoreAdmin.Core.Operations.OperationContext
    {
        private readonly RecordingContext _inner;
        private readonly Action<string> _onAsk;
        public ShouldProcessHook(RecordingContext inner, Action<string> onAsk) => (_inner, _onAsk) = (inner, onAsk);
        public override void WriteObject(object? value) => _inner.WriteObject(value);
        public override void WriteError(MailStoreAdminException error) => _inner.WriteError(error);
        public override void Log(MailStoreAdmin.Core.Operations.LogLevel level, string message) => _inner.Log(level, message);
        public override bool ShouldProcess(string target, string action)
        {
            _onAsk(target);
            return true;
        }
    }
}
