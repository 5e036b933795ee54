using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Pipeline
{
    /// <summary>
    /// Runs asynchronous work on the thread pool while the calling (pipeline) thread executes everything the work
    /// posts: output, progress, log records, prompts. PowerShell only accepts Write* calls from its pipeline thread,
    /// and long-polls need to report while they wait. The queue is bounded, so a fast reader cannot run ahead of a
    /// slow pipeline by more than a few hundred items.
    /// </summary>
    public sealed class PipelinePump
    {
        private const int Capacity = 256;
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>(Capacity);
        private readonly CancellationToken _workToken;

        private PipelinePump(CancellationToken workToken) => _workToken = workToken;

        /// <summary>
        /// Runs <paramref name="work"/> and drains its posts on this thread until it ends. If a posted action throws
        /// (the pipeline was stopped, or a downstream Select-Object -First has all it wants), the work is cancelled,
        /// its remaining posts are dropped, and that exception is rethrown once the work has finished, so server-side
        /// clean-up such as cancel-async still happens. Otherwise the work's own exception is rethrown unchanged.
        /// </summary>
        public static void Run(Func<PipelinePump, CancellationToken, Task> work, CancellationToken stopToken)
        {
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
            var pump = new PipelinePump(cancellation.Token);
            var task = Task.Run(() => work(pump, cancellation.Token));
            task.ContinueWith(_ => pump._queue.CompleteAdding(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

            Exception? actionFailure = null;
            foreach (var action in pump._queue.GetConsumingEnumerable())
            {
                if (actionFailure != null) continue;
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    actionFailure = e;
                    cancellation.Cancel();
                }
            }
            if (actionFailure != null) ExceptionDispatchInfo.Capture(actionFailure).Throw();
            task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// Queues an action for the pipeline thread; blocks while the queue is full. Once the work is cancelled the
        /// action is dropped instead of throwing, so clean-up code (cancel-async) can still log on its way out.
        /// </summary>
        public void Post(Action action)
        {
            try
            {
                _queue.Add(action, _workToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping: nothing more will be written.
            }
            catch (InvalidOperationException)
            {
                // The work already ended; nothing is listening any more.
            }
        }

        /// <summary>Runs a function on the pipeline thread and returns its answer (ShouldProcess, prompts).</summary>
        public T Invoke<T>(Func<T> function)
        {
            var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                try
                {
                    answer.SetResult(function());
                }
                catch (Exception e)
                {
                    answer.SetException(e);
                    throw;
                }
            });
            // If the pipeline stops, the action may be dropped: the work token then releases this wait.
            answer.Task.Wait(_workToken);
            return answer.Task.GetAwaiter().GetResult();
        }
    }
}
