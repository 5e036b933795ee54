using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Pipeline;
using Xunit;

namespace MailStoreAdmin.Core.Tests;

public class PipelineTests
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
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 1000), seen.Select(s => s.Value));
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
        Assert.Equal(new[] { true, true, true, true }, answers);
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
        }, CancellationToken.None));
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
        }, CancellationToken.None));
    }

    [Fact]
    public void Stopping_cancels_the_work()
    {
        using var stop = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => PipelinePump.Run(async (pump, token) =>
        {
            pump.Post(stop.Cancel);
            await Task.Delay(Timeout.Infinite, token);
        }, stop.Token));
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
        }, stop.Token));
        Assert.True(cleanupFinished);
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
