using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Operations;

public class OperationsTests
{
    [Fact]
    public void Posted_actions_run_in_order_on_the_calling_thread_and_prompts_answer_back()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Value, int Thread)>();
        var answers = new List<bool>();
        PipelinePump.Run(async (pump, token) =>
        {
            for (int i = 0; i < 1000; i++)
            {
                var value = i;
                pump.Post(() => seen.Add((value, Environment.CurrentManagedThreadId)));
                if (i % 250 == 0)
                {
                    await Task.Yield();
                    answers.Add(pump.Invoke(() => Environment.CurrentManagedThreadId == caller));
                }
            }
        }, _ => { }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1000), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
        Assert.Equal(new[] { true, true, true, true }, answers);
    }

    [Fact]
    public void Objects_and_actions_keep_their_order_and_reach_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<object?>();
        var threads = new HashSet<int>();
        PipelinePump.Run(async (pump, token) =>
        {
            for (int i = 0; i < 5000; i++)
            {
                pump.WriteObject(i);
                if (i % 1000 == 0)
                {
                    var marker = "action " + i;
                    pump.Post(() => seen.Add(marker));
                    await Task.Yield();
                }
            }
        }, value => { seen.Add(value); threads.Add(Environment.CurrentManagedThreadId); }, CancellationToken.None);

        var expected = new List<object?>();
        for (int i = 0; i < 5000; i++)
        {
            expected.Add(i);
            if (i % 1000 == 0) expected.Add("action " + i);
        }
        Assert.Equal(expected, seen);
        Assert.Equal(new[] { caller }, threads);
    }

    [Fact]
    public void A_slow_pipeline_holds_the_producer_back_to_the_queue_capacity()
    {
        var produced = 0;
        var maxAhead = 0;
        var consumed = 0;
        PipelinePump.Run((pump, token) =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                pump.WriteObject(i);
                var ahead = Interlocked.Increment(ref produced) - Volatile.Read(ref consumed);
                if (ahead > maxAhead) maxAhead = ahead;
            }
            return Task.CompletedTask;
        }, _ =>
        {
            Interlocked.Increment(ref consumed);
            if (consumed % 1000 == 0) Thread.Sleep(5);
        }, CancellationToken.None);

        Assert.Equal(20_000, consumed);
        // One batch being written plus a full queue at most.
        Assert.InRange(maxAhead, 1, 2 * PipelinePump.Capacity + 1);
    }

    [Fact]
    public void A_failing_action_cancels_the_work_which_still_finishes_its_cleanup()
    {
        var cleanedUp = false;
        var e = Assert.Throws<InvalidOperationException>(() => PipelinePump.Run(async (pump, token) =>
        {
            try
            {
                pump.Post(() => throw new InvalidOperationException("downstream stopped"));
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                cleanedUp = true;
            }
        }, _ => { }, CancellationToken.None));
        Assert.Equal("downstream stopped", e.Message);
        Assert.True(cleanedUp);
    }

    [Fact]
    public void The_works_own_exception_keeps_its_type()
    {
        Assert.Throws<TimeoutException>(() => PipelinePump.Run(async (pump, token) =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }, _ => { }, CancellationToken.None));
    }

    [Fact]
    public void Stopping_cancels_the_work()
    {
        using var stop = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => PipelinePump.Run(async (pump, token) =>
        {
            pump.Post(stop.Cancel);
            await Task.Delay(Timeout.Infinite, token);
        }, _ => { }, stop.Token));
    }

    [Fact]
    public void Work_can_still_post_while_it_cleans_up_after_a_stop()
    {
        using var stop = new CancellationTokenSource();
        var cleanupFinished = false;
        Assert.ThrowsAny<OperationCanceledException>(() => PipelinePump.Run(async (pump, token) =>
        {
            try
            {
                pump.Post(stop.Cancel);
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                // What MsConnection.WaitAsync does after Ctrl+C: log, then send cancel-async.
                pump.Post(() => { });
                cleanupFinished = true;
            }
        }, _ => { }, stop.Token));
        Assert.True(cleanupFinished);
    }

    [Fact]
    public async Task Ordered_lookups_keep_arrival_order_bound_running_lookups_and_refill_any_free_slot()
    {
        var gates = Enumerable.Range(0, 20).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var running = 0;
        var maxRunning = 0;
        var startedOrder = new List<int>();
        var results = new List<int>();
        var lookups = new OrderedLookups<int, int>(3, async i =>
        {
            lock (startedOrder) startedOrder.Add(i);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            try
            {
                return await gates[i].Task;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }, results.Add);
        var loop = lookups.RunAsync(CancellationToken.None);
        for (int i = 0; i < 20; i++) lookups.Add(i);
        lookups.Complete();

        // The oldest (0) hangs; 1 and 2 end: their slots start 3 and 4 without waiting for 0.
        await WaitUntil(() => Volatile.Read(ref running) == 3);
        gates[1].SetResult(1);
        gates[2].SetResult(2);
        await WaitUntil(() => { lock (startedOrder) return startedOrder.Contains(4); });
        Assert.Empty(results);
        for (int i = 0; i < 20; i++) gates[i].TrySetResult(i);
        await loop;

        Assert.Equal(Enumerable.Range(0, 20), results);
        Assert.Equal(3, maxRunning);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Theory]
    [InlineData("user*", "USER01", true)]
    [InlineData("user?", "user12", false)]
    [InlineData("user[0-4]", "user3", true)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("plain", "PLAIN", true)]
    public void Wildcards_follow_powershell_rules(string pattern, string value, bool match) =>
        Assert.Equal(match, new Wildcard(pattern).IsMatch(value));

    [Theory]
    [InlineData("Work*", "Work-2", true)]
    [InlineData("Work*", "work-2", false)]
    [InlineData("work", "Work", false)]
    [InlineData("work", "work", true)]
    public void Case_sensitive_wildcards_compare_exactly(string pattern, string value, bool match) =>
        Assert.Equal(match, new Wildcard(pattern, caseSensitive: true).IsMatch(value));

    [Fact]
    public void Each_scope_has_its_own_default_connection()
    {
        var registry = new ScopedConnections<string>();
        object one = new(), two = new();
        registry.Add(one, "a");
        registry.Add(one, "b");
        registry.Add(two, "c");
        Assert.Equal("b", registry.GetDefault(one));
        Assert.Equal("c", registry.GetDefault(two));
        registry.Remove(one, "b");
        Assert.Equal("a", registry.GetDefault(one));
        Assert.Equal(new[] { "a" }, registry.GetAll(one));
    }

    [Fact]
    public void Closing_a_scope_disposes_its_connections_and_leaves_other_scopes_alone()
    {
        var registry = new ScopedConnections<DisposableConnection>();
        object one = new(), two = new();
        var a = new DisposableConnection();
        var b = new DisposableConnection();
        var c = new DisposableConnection();
        registry.Add(one, a);
        registry.Add(one, b);
        registry.Add(two, c);
        registry.CloseAll(one);
        Assert.True(a.Disposed && b.Disposed);
        Assert.False(c.Disposed);
        Assert.Null(registry.GetDefault(one));
        Assert.Empty(registry.GetAll(one));
        Assert.Same(c, registry.GetDefault(two));
    }

    private sealed class DisposableConnection : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Dependency_resolver_answers_only_for_shipped_assemblies()
    {
        var folder = Path.Combine("m", "MailStoreAdmin");
        var files = new HashSet<string> { Path.Combine(folder, "System.Runtime.CompilerServices.Unsafe.dll") };
        Assert.Equal(Path.Combine(folder, "System.Runtime.CompilerServices.Unsafe.dll"),
            DependencyResolver.FindInModuleFolder("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", folder, files.Contains));
        Assert.Null(DependencyResolver.FindInModuleFolder("System.Text.Json, Version=8.0.0.0", folder, files.Contains));
        Assert.Null(DependencyResolver.FindInModuleFolder("Newtonsoft.Json, Version=13.0.0.0", folder, _ => true));
    }
}
