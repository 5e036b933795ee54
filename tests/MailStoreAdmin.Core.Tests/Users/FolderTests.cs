using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Users;

public class FolderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<List<MsFolder>> FoldersAsync(UserFake fake, string? path, int? depth, string? filter = null)
    {
        var context = new RecordingContext();
        await MsFolderOperations.GetFoldersAsync(fake.Connection, path, depth, filter, context, None);
        Assert.Empty(context.Errors);
        return context.Of<MsFolder>();
    }

    [Fact]
    public async Task Folders_are_listed_by_level_with_their_path_parent_and_level()
    {
        await using var fake = await UserFake.StartAsync();
        var archives = await FoldersAsync(fake, null, 1);
        Assert.Equal(12, archives.Count);
        Assert.All(archives, f => Assert.Equal(1, f.Level));
        Assert.Equal("user000001", archives[0].Path);

        var below = await FoldersAsync(fake, "USER000003", null);
        Assert.Equal(new[] { "user000003/Inbox", "user000003/Sent Items", "user000003/Inbox/Projects" }, below.Select(f => f.Path));
        var projects = below.Last();
        Assert.Equal(("Projects", "user000003/Inbox", 3), (projects.Name, projects.Parent, projects.Level));
        Assert.Equal(new[] { "user000003/Inbox/Projects", "user000006/Inbox/Projects", "user000009/Inbox/Projects" },
            (await FoldersAsync(fake, null, null, "*/projects")).Where(f => f.Path.StartsWith("user00000", StringComparison.Ordinal)).Select(f => f.Path));
    }

    [Fact]
    public async Task A_server_that_answers_one_level_only_is_walked_to_the_same_result()
    {
        await using var normal = await UserFake.StartAsync();
        await using var restricted = await UserFake.StartAsync(o => o.ChildFoldersOneLevel = true);
        var expected = (await FoldersAsync(normal, null, null)).Select(f => f.Path).OrderBy(p => p).ToList();
        var context = new RecordingContext();
        await MsFolderOperations.GetFoldersAsync(restricted.Connection, null, null, null, context, None);
        Assert.Equal(expected, context.Of<MsFolder>().Select(f => f.Path).OrderBy(p => p));
        Assert.Contains(context.Logs, l => l.Message.Contains("one level only"));
        Assert.Equal(2, (await FoldersAsync(restricted, "user000003", 1)).Count);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_is_not_found_and_a_move_then_sends_nothing()
    {
        await using var fake = await UserFake.StartAsync();
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsFolderOperations.GetFoldersAsync(fake.Connection, "nobody/Inbox", 1, null, new RecordingContext(), None));
        Assert.Equal("MailStoreFolderNotFound", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsFolderOperations.MoveFolderAsync(fake.Connection, "user000001/Nope", "user000001/X", false, new RecordingContext(), None));
        Assert.Equal("MailStoreFolderNotFound", e.ErrorId);
        e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsFolderOperations.MoveFolderAsync(fake.Connection, "user000001", "user000001/Inbox/x", false, new RecordingContext(), None));
        Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
        Assert.Empty(fake.Changes());
    }

    [Fact]
    public async Task Move_runs_as_a_task_after_whatif_and_moves_the_folder_with_its_children()
    {
        await using var fake = await UserFake.StartAsync();
        var whatIf = new RecordingContext { Confirm = false };
        await MsFolderOperations.MoveFolderAsync(fake.Connection, "user000003\\Inbox", "user000003/Mail", false, whatIf, None);
        Assert.Empty(fake.Changes());
        Assert.Equal("Move folder 'user000003/Inbox' to 'user000003/Mail' on 127.0.0.1", whatIf.ShouldProcessTargets.Single());

        var context = new RecordingContext();
        await MsFolderOperations.MoveFolderAsync(fake.Connection, "user000003/Inbox", "user000003/Mail", false, context, None);
        Assert.Equal("succeeded", context.Single<MsTaskResult>().StatusCode);
        Assert.NotEmpty(context.Statuses);
        Assert.True(fake.Server.Folders.Exists("user000003/Mail/Projects"));
        Assert.False(fake.Server.Folders.Exists("user000003/Inbox"));
    }

    [Fact]
    public async Task Statistics_arrive_as_typed_objects_when_the_task_ends()
    {
        await using var fake = await UserFake.StartAsync();
        var context = new RecordingContext();
        await MsFolderOperations.GetStatisticsAsync(fake.Connection, "user000002*", context, None);
        var statistics = context.Of<MsFolderStatistic>();
        Assert.Equal(new[] { "user000002", "user000002/Inbox", "user000002/Sent Items" }, statistics.Select(s => s.Folder));
        Assert.Equal(12, statistics[1].Count);
        Assert.Equal(12 * 52_000, statistics[1].Size);
        Assert.Contains(context.Statuses, s => s.IsFinal);
        Assert.Empty(context.Of<MsTaskResult>());
    }

    [Fact]
    public async Task Stopping_statistics_cancels_the_server_task()
    {
        await using var fake = await UserFake.StartAsync(o =>
        {
            o.VerifySteps = 50;
            o.VerifyStepDelay = TimeSpan.FromMilliseconds(50);
        });
        using var stop = new CancellationTokenSource();
        var context = new RecordingContext { OnEachStatus = _ => stop.Cancel() };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MsFolderOperations.GetStatisticsAsync(fake.Connection, null, context, stop.Token));
        Assert.Single(fake.Server.CallsTo("/cancel-async"));
        Assert.True(Assert.Single(fake.Server.Tasks).CancelRequested);
        Assert.Empty(context.Of<MsFolderStatistic>());
    }

    [Fact]
    public async Task Remove_empty_folders_deletes_only_empty_leaves_below_the_folder()
    {
        await using var fake = await UserFake.StartAsync();
        await MsFolderOperations.RemoveEmptyFoldersAsync(fake.Connection, "user000004", false, new RecordingContext(), None);
        Assert.False(fake.Server.Folders.Exists("user000004/Old"));
        Assert.True(fake.Server.Folders.Exists("user000008/Old"));
        Assert.True(fake.Server.Folders.Exists("user000004"));
        Assert.Equal("user000004", fake.Server.CallsTo("/DeleteEmptyFolders").Single().Form["folder"]);

        await MsFolderOperations.RemoveEmptyFoldersAsync(fake.Connection, null, false, new RecordingContext(), None);
        Assert.False(fake.Server.Folders.Exists("user000008/Old"));
        Assert.False(fake.Server.CallsTo("/DeleteEmptyFolders").Last().Form.ContainsKey("folder"));
    }

    [Theory]
    [InlineData("\"jdoe/Inbox\"", "jdoe/Inbox")]
    [InlineData("{\"folder\":\"jdoe\"}", "jdoe")]
    [InlineData("{\"Path\":\"a/b\"}", "a/b")]
    [InlineData("{\"size\":1}", null)]
    public void Folder_entries_are_read_from_strings_or_objects(string json, string? path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(path, MsFolderOperations.ReadPath(document.RootElement));
    }
}
