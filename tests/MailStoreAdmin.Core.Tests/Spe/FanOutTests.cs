using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;
using MailStoreAdmin.Core.Operations;
using Xunit;

namespace MailStoreAdmin.Core.Tests.Spe;

public class FanOutTests
{
    /// <summary>
    /// The first works wait until as many as the limit run at once, so reaching the limit is certain (no timing), and
    /// the runner must never let more start.
    /// </summary>
    [Fact]
    public void The_runner_keeps_exactly_the_limit_in_flight_and_streams_output_on_the_calling_thread()
    {
        const int limit = 3;
        var written = new List<object?>();
        var callingThread = Environment.CurrentManagedThreadId;
        var writerThreads = new HashSet<int>();
        int inFlight = 0, max = 0, started = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pump = PipelinePump.Open(value =>
        {
            writerThreads.Add(Environment.CurrentManagedThreadId);
            written.Add(value);
        }, CancellationToken.None);
        var runner = new FanOutRunner(pump, limit);
        for (int i = 0; i < 10; i++)
        {
            var n = i;
            runner.Add(async token =>
            {
                var now = Interlocked.Increment(ref inFlight);
                lock (written) max = Math.Max(max, now);
                if (Interlocked.Increment(ref started) == limit) full.TrySetResult();
                await full.Task;
                await Task.Yield();
                pump.WriteObject(n);
                Interlocked.Decrement(ref inFlight);
            });
        }
        runner.Complete();

        Assert.Equal(limit, max);
        Assert.Equal(Enumerable.Range(0, 10).Cast<object?>().OrderBy(o => o), written.OrderBy(o => o));
        Assert.Equal(new[] { callingThread }, writerThreads);
    }

    [Fact]
    public void A_stop_cancels_the_running_works_and_surfaces_as_cancellation_after_they_ended()
    {
        using var stop = new CancellationTokenSource();
        using var pump = PipelinePump.Open(_ => { }, stop.Token);
        var runner = new FanOutRunner(pump, 2);
        var ended = 0;
        for (int i = 0; i < 2; i++)
        {
            runner.Add(async token =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    Interlocked.Increment(ref ended);
                }
            });
        }
        stop.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => runner.Complete());
        Assert.Equal(2, ended);
    }

    [Fact]
    public async Task One_failing_instance_is_an_error_record_and_the_others_deliver_tagged_output()
    {
        await using var server = await Spe.StartAsync(o => o.UserCount = 4);
        server.Spe.Instances["inst02"].Status = "stopped";
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        using (var pump = PipelinePump.Open(context.WriteObject, CancellationToken.None))
        {
            var runner = new FanOutRunner(pump, 2);
            foreach (var id in new[] { "inst01", "inst02", "inst03" })
            {
                runner.Add(token => MsInstanceScope.RunAsync(connection, id,
                    (c, ctx, t) => MsUserOperations.GetUsersAsync(c, null, false, 1, ctx, t), context, token));
            }
            runner.Complete();
        }

        var error = Assert.Single(context.Errors);
        Assert.Equal("MailStoreApiCallFailed", error.ErrorId);
        Assert.StartsWith("Instance 'inst02': ", error.Message);
        Assert.Contains("not running", error.Message);
        var tagged = context.Of<MsInstanceOutput>();
        Assert.Equal(8, tagged.Count);
        Assert.All(tagged, t => Assert.IsType<MsUser>(t.Value));
        Assert.Equal(new[] { "inst01", "inst03" }, tagged.Select(t => t.InstanceId).Distinct().OrderBy(s => s));
    }

    [Fact]
    public async Task Instance_scope_names_the_instance_in_logs_and_whatif_targets()
    {
        await using var server = await Spe.StartAsync();
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext { Confirm = false };
        await MsInstanceScope.RunAsync(connection, "inst03",
            (c, ctx, t) => MsSpeSystemOperations.SetArchiveAdminAccessAsync(c, true, false, ctx, t), context, CancellationToken.None);

        Assert.Contains(context.ShouldProcessTargets, t => t.Contains("instance 'inst03'"));
        Assert.Empty(server.CallsTo("/SetArchiveAdminEnabled"));
        Assert.False(server.Spe.Instances["inst03"].ArchiveAdminEnabled);
    }

    [Fact]
    public async Task Fan_out_over_the_wire_never_exceeds_the_limit()
    {
        await using var server = await Spe.StartAsync(o =>
        {
            o.SpeInstanceCount = 8;
            o.UserCount = 2;
            o.InvokeLatency = TimeSpan.FromMilliseconds(30);
        });
        using var connection = await Spe.ConnectAsync(server);
        var context = new RecordingContext();
        using (var pump = PipelinePump.Open(context.WriteObject, CancellationToken.None))
        {
            var runner = new FanOutRunner(pump, 3);
            foreach (var id in server.Spe.Instances.Keys.OrderBy(k => k))
            {
                runner.Add(token => MsInstanceScope.RunAsync(connection, id,
                    (c, ctx, t) => MsUserOperations.GetUsersAsync(c, null, false, 1, ctx, t), context, token));
            }
            runner.Complete();
        }
        Assert.Empty(context.Errors);
        Assert.Equal(16, context.Of<MsInstanceOutput>().Count);
        Assert.InRange(server.MaxConcurrentInvokes, 1, 3);
        Assert.Equal(8, server.CallsTo("/GetUsers").Select(c => c.Form["instanceID"]).Distinct().Count());
    }
}

public class FanOutInputTests
{
    /// <summary>
    /// PowerShell binds the next pipeline object to the same cmdlet as soon as ProcessRecord returns, so Add must not
    /// return before the work has read its inputs (its synchronous part). The lambdas read the shared variable when
    /// invoked, as the cmdlets' one-call lambdas read their parameters; one invoked after Add returned sees "changed".
    /// </summary>
    [Fact]
    public void Add_returns_only_after_the_work_has_read_its_inputs()
    {
        var current = "first";
        var seen = new List<string>();
        using var pump = PipelinePump.Open(_ => { }, CancellationToken.None);
        var runner = new FanOutRunner(pump, 4);
        foreach (var input in new[] { "a", "b", "c", "d", "e", "f" })
        {
            current = input;
            runner.Add(token => ReadThenWaitAsync(current, seen));
            current = "changed after Add";
        }
        runner.Complete();
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f" }, seen.OrderBy(s => s));
    }

    private static async Task ReadThenWaitAsync(string input, List<string> seen)
    {
        lock (seen) seen.Add(input);
        await Task.Delay(10);
    }
}
