namespace MailStoreAdmin.FakeServers;

/// <summary>
/// The modelled network and server latency of the fakes, precise to a fraction of a millisecond. Task.Delay rounds
/// up to the timer's tick: measured here, Task.Delay(5) took 8.9 ms on average (Thread.Sleep(5) 5.2 ms), so a
/// benchmark "with 5 ms latency" really ran with 9 ms and no client could reach its latency bound. One thread keeps
/// the pending deadlines and completes each on time, sleeping in 1 ms steps and only yielding for the last one.
/// </summary>
public static class Latency
{
    private static readonly object Gate = new();
    private static readonly PriorityQueue<TaskCompletionSource, long> Pending = new();
    private static Thread? _thread;

    /// <summary>Completes after <paramref name="delay"/>; at once for zero. Cancelled with the request.</summary>
    public static Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken = default)
    {
        if (delay <= TimeSpan.Zero) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        lock (Gate)
        {
            Pending.Enqueue(done, deadline);
            _thread ??= StartThread();
            Monitor.Pulse(Gate);
        }
        return cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task;
    }

    private static Thread StartThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "fake latency" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        var ticksPerMs = System.Diagnostics.Stopwatch.Frequency / 1000;
        while (true)
        {
            TaskCompletionSource? due = null;
            long wait;
            lock (Gate)
            {
                while (Pending.Count == 0) Monitor.Wait(Gate);
                Pending.TryPeek(out var next, out var deadline);
                wait = deadline - System.Diagnostics.Stopwatch.GetTimestamp();
                if (wait <= 0) due = Pending.Dequeue();
            }
            if (due != null) due.TrySetResult();
            // Thread.Sleep(1) takes a little over 1 ms here; the last stretch yields instead, so other threads (the
            // client under test shares the machine) still run.
            else if (wait > ticksPerMs * 3 / 2) Thread.Sleep(1);
            else Thread.Yield();
        }
    }
}
