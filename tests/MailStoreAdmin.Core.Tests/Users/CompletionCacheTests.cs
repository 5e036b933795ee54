using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Users;

public class CompletionCacheTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task User_names_complete_by_prefix_from_one_cached_list_until_a_change_through_the_module()
    {
        await using var fake = await UserFake.StartAsync();
        Assert.Equal(new[] { "user000010", "user000011", "user000012" }, await MsCompletionCache.CompleteUserNamesAsync(fake.Connection, "USER00001", None));
        Assert.Equal(12, (await MsCompletionCache.CompleteUserNamesAsync(fake.Connection, "", None)).Count);
        Assert.Single(fake.Server.CallsTo("/GetUsers"));

        await MsUserEditOperations.NewUserAsync(fake.Connection, "user00001x", new MsUserProperties(), null, false, new RecordingContext(), None);
        Assert.Contains("user00001x", await MsCompletionCache.CompleteUserNamesAsync(fake.Connection, "user00001", None));
        Assert.Equal(2, fake.Server.CallsTo("/GetUsers").Count());
    }

    [Fact]
    public async Task Folder_paths_complete_one_level_at_a_time_and_stores_by_id_or_name()
    {
        await using var fake = await UserFake.StartAsync();
        Assert.Equal(new[] { "user000010", "user000011", "user000012" }, await MsCompletionCache.CompleteFolderPathsAsync(fake.Connection, "USER00001", None));
        Assert.Equal(new[] { "user000003/Inbox" }, await MsCompletionCache.CompleteFolderPathsAsync(fake.Connection, "user000003/i", None));
        Assert.Equal(new[] { "user000003/Inbox/Projects" }, await MsCompletionCache.CompleteFolderPathsAsync(fake.Connection, "user000003/Inbox/", None));
        Assert.Equal(new[] { 2 }, (await MsCompletionCache.CompleteStoresAsync(fake.Connection, "2", None)).Select(s => s.Id));
        Assert.Equal(3, (await MsCompletionCache.CompleteStoresAsync(fake.Connection, "archive", None)).Count);
        Assert.Single(fake.Server.CallsTo("/GetStores"));
    }

    [Fact]
    public async Task An_expired_list_is_read_again()
    {
        await using var fake = await UserFake.StartAsync();
        var before = MsCompletionCache.Lifetime;
        try
        {
            MsCompletionCache.Lifetime = TimeSpan.Zero;
            await MsCompletionCache.CompleteUserNamesAsync(fake.Connection, "u", None);
            await Task.Delay(5);
            await MsCompletionCache.CompleteUserNamesAsync(fake.Connection, "u", None);
            Assert.Equal(2, fake.Server.CallsTo("/GetUsers").Count());
        }
        finally
        {
            MsCompletionCache.Lifetime = before;
        }
    }
}
