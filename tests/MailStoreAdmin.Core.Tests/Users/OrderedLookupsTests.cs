using MailStoreAdmin.Core.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Users;

public class OrderedLookupsTests
{
    [Fact]
    public async Task A_slow_lookup_does_not_hold_back_new_ones_and_answers_keep_the_start_order()
    {
        var results = new List<string>();
        var lookups = new OrderedLookups<string>(2, results.Add);
        var slow = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<string>();
        var adding = Task.Run(() =>
        {
            lookups.Add(() => { started.Add("a"); return slow.Task; });
            foreach (var name in new[] { "b", "c", "d" })
            {
                // Each finishes at once and frees its slot, so the slow one never blocks the next start.
                lookups.Add(() => { started.Add(name); return Task.FromResult(name); });
            }
        });
        await adding.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { "a", "b", "c", "d" }, started);
        Assert.Empty(results);
        slow.SetResult("a");
        await lookups.DrainAsync();
        Assert.Equal(new[] { "a", "b", "c", "d" }, results);
    }

    [Fact]
    public async Task No_more_than_the_limit_run_at_once()
    {
        var running = 0;
        var most = 0;
        var lookups = new OrderedLookups<int>(3, _ => { });
        await Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                lookups.Add(async () =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref most, now);
                    await Task.Yield();
                    Interlocked.Decrement(ref running);
                    return 0;
                });
            }
        });
        await lookups.DrainAsync();
        Assert.InRange(most, 1, 3);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
