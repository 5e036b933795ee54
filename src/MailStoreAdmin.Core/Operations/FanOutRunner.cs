using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// Runs works handed over one by one from the pipeline thread (one per pipeline input, e.g. per SPE instance) with at
    /// most <c>limit</c> running at once, all writing to one <see cref="PipelinePump"/>. <see cref="Add"/> and
    /// <see cref="Complete"/> are called on the pipeline thread and execute the works' output while they wait for a free
    /// slot or for the end, so output streams and the limit bounds both concurrency and memory.
    /// <para>
    /// A work should report its own failures (error records); an exception that escapes it is kept and rethrown by
    /// <see cref="Complete"/> once every work has ended, a stop (cancellation) first among them.
    /// </para>
    /// </summary>
    public sealed class FanOutRunner
    {
        private readonly PipelinePump _pump;
        private readonly int _limit;
        private readonly List<Task> _running = new List<Task>();
        private readonly List<Exception> _failures = new List<Exception>();

        public FanOutRunner(PipelinePump pump, int limit)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            _pump = pump ?? throw new ArgumentNullException(nameof(pump));
            _limit = limit;
        }

        /// <summary>How many works have been started so far.</summary>
        public int Started { get; private set; }

        /// <summary>
        /// Starts <paramref name="work"/> once fewer than the limit are running, and returns when the work has handed back
        /// its task (its synchronous part, which reads its inputs, has run); pumps output meanwhile.
        /// </summary>
        public void Add(Func<CancellationToken, Task> work)
        {
            try
            {
                Collect();
                while (_running.Count >= _limit)
                {
                    _pump.PumpUntil(Task.WhenAny(_running));
                    Collect();
                }
            }
            catch
            {
                DrainQuietly();
                throw;
            }
            if (_pump.Token.IsCancellationRequested) return;
            Started++;
            var token = _pump.Token;
            // Not cancellable before it starts: a started work always runs its own clean-up. The caller's inputs may
            // change as soon as Add returns (PowerShell binds the next pipeline object to the same cmdlet), so Add
            // returns only once the work has read them: when its synchronous part has run and it has handed back its
            // task. Output and questions of that part are pumped meanwhile.
            var handedBack = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
            var running = Task.Run(() =>
            {
                Task started;
                try
                {
                    started = work(token);
                }
                catch (Exception e)
                {
                    started = Task.FromException(e);
                }
                handedBack.SetResult(started);
                return started;
            });
            _running.Add(running);
            try
            {
                _pump.PumpUntil(handedBack.Task);
            }
            catch
            {
                DrainQuietly();
                throw;
            }
        }

        /// <summary>Pumps until every work has ended; then rethrows what escaped a work (a stop first).</summary>
        public void Complete()
        {
            try
            {
                _pump.PumpUntil(Task.WhenAll(_running.ToArray()));
            }
            catch
            {
                DrainQuietly();
                throw;
            }
            Collect();
            var failure = _failures.OfType<OperationCanceledException>().FirstOrDefault() ?? _failures.FirstOrDefault();
            if (failure != null) ExceptionDispatchInfo.Capture(failure).Throw();
        }

        private void Collect()
        {
            for (int i = _running.Count - 1; i >= 0; i--)
            {
                var task = _running[i];
                if (!task.IsCompleted) continue;
                _running.RemoveAt(i);
                if (task.IsCanceled) _failures.Add(new OperationCanceledException(_pump.Token));
                else if (task.Exception != null) _failures.Add(task.Exception.InnerException ?? task.Exception);
            }
        }

        // Writing failed or the caller stopped: the token is cancelled; wait for the works to clean up (cancel-async).
        private void DrainQuietly()
        {
            try
            {
                _pump.PumpUntil(Task.WhenAll(_running.ToArray()));
            }
            catch (Exception)
            {
                // The first failure is already on its way out.
            }
            _running.Clear();
        }
    }
}
