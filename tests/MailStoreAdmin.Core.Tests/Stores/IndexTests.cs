using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Stores;

public class IndexTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Indexes_are_listed_per_store_with_their_store_id_and_an_unknown_store_is_an_error_record()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var all = new RecordingContext();
        await MsStoreIndexOperations.GetIndexesAsync(connection, null, all, None);
        Assert.Equal(9, all.Of<MsStoreIndex>().Count);
        Assert.Equal(new[] { 1, 2, 3 }, all.Of<MsStoreIndex>().Select(i => i.StoreId).Distinct());
        Assert.All(all.Of<MsStoreIndex>().Where(i => i.StoreId == 2), i => Assert.True(i.NeedsRebuild));

        var some = new RecordingContext();
        await MsStoreIndexOperations.GetIndexesAsync(connection, new[] { 2, 8 }, some, None);
        Assert.Equal(3, some.Of<MsStoreIndex>().Count);
        Assert.Equal(8, Assert.Single(some.Errors).Target);
        Assert.Equal(3 + 1, server.CallsTo("/GetStoreIndexes").Count());
    }

    [Fact]
    public async Task Rebuilding_a_store_rebuilds_each_of_its_indexes_after_one_question()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var context = new RecordingContext();
        await MsStoreIndexOperations.RebuildStoreIndexesAsync(connection, 2, null, false, context, None);
        Assert.Equal("Rebuild 3 search index(es) of store 2 'Archive 2025' on " + connection, Assert.Single(context.ShouldProcessTargets));
        Assert.Equal(new[] { "user000001", "user000002", "shared/sales" }, server.CallsTo("/RebuildStoreIndex").Select(c => c.Form["folder"]));
        Assert.Equal(3, context.Of<MsTaskResult>().Count);
        Assert.False(server.Data.Stores.Find(2)!.SearchIndexesNeedRebuild);

        var one = new RecordingContext();
        await MsStoreIndexOperations.RebuildStoreIndexesAsync(connection, 1, "user000001", false, one, None);
        Assert.Equal("1/user000001", one.Single<MsTaskResult>().Target);
    }

    [Fact]
    public async Task Rebuilding_all_selects_then_rebuilds_and_what_if_sends_neither()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        await MsStoreIndexOperations.RebuildAllIndexesAsync(connection, false, new RecordingContext { Confirm = false }, None);
        Assert.Empty(server.CallsTo("/SelectAllStoreIndexesForRebuild"));
        Assert.Empty(server.CallsTo("/RebuildSelectedStoreIndexes"));

        var context = new RecordingContext();
        await MsStoreIndexOperations.RebuildAllIndexesAsync(connection, false, context, None);
        Assert.Equal(new[] { "SelectAllStoreIndexesForRebuild", "RebuildSelectedStoreIndexes" }, context.Of<MsTaskResult>().Select(r => r.Function));
        Assert.Single(context.ShouldProcessTargets);
        var order = server.Calls.Select(c => c.Function).Where(f => f.Contains("Index")).ToList();
        Assert.Equal(new[] { "SelectAllStoreIndexesForRebuild", "RebuildSelectedStoreIndexes" }, order);
    }

    [Fact]
    public async Task Rebuilding_the_indexes_of_an_unknown_store_sends_nothing()
    {
        await using var server = await Fake.StartAsync();
        using var connection = await Fake.ConnectAsync(server);
        var e = await Assert.ThrowsAsync<MailStoreAdminException>(() => MsStoreIndexOperations.RebuildStoreIndexesAsync(connection, 5, null, false, new RecordingContext(), None));
        Assert.Equal(ErrorKind.ObjectNotFound, e.Kind);
        Assert.Empty(server.CallsTo("/RebuildStoreIndex"));
        Assert.Empty(server.CallsTo("/GetStoreIndexes"));
    }
}
