using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// Runs asynchronous work on the thread pool while the calling (pipeline) thread executes everything the work
    /// hands it: output objects, progress, log records, prompts. PowerShell only accepts Write* calls from its
    /// pipeline thread, and long-polls need to report while they wait.
    /// <para>
    /// Speed: the pipeline thread takes everything queued in one swap and the producer only signals when the
    /// pipeline thread sleeps, so a burst of 100,000 objects costs a few hundred hand-overs, not 100,000; an object
    /// is queued as itself, without a closure. Back-pressure: the queue holds at most <see cref="Capacity"/> entries,
    /// so a fast reader cannot run ahead of a slow pipeline by more than that.
    /// </para>
    /// </summary>
    public sealed class PipelinePump : IDisposable
    {
        public const int Capacity = 1024;
        private readonly object _gate = new object();
        private readonly Action<object?> _writeObject;
        private readonly CancellationTokenSource _cancellation;
        private readonly CancellationToken _workToken;
        private readonly CancellationTokenRegistration _wake;
        private List<Entry> _pending = new List<Entry>();
        private List<Entry> _draining = new List<Entry>();
        private bool _completed;
        private bool _consumerWaiting;
        private int _producersWaiting;
        private Exception? _failure;

        private PipelinePump(Action<object?> writeObject, CancellationToken stopToken)
        {
            _writeObject = writeObject;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
            _workToken = _cancellation.Token;
            _wake = _workToken.Register(WakeAll);
        }

        /// <summary>
        /// Runs <paramref name="work"/> and executes its output on this thread until it ends. If writing throws (the
        /// pipeline was stopped, or a downstream Select-Object -First has all it wants), the work is cancelled, its
        /// remaining output is dropped, and that exception is rethrown once the work has finished, so server-side
        /// clean-up such as cancel-async still happens. Otherwise the work's own exception is rethrown unchanged.
        /// </summary>
        public static void Run(Func<PipelinePump, CancellationToken, Task> work, Action<object?> writeObject, CancellationToken stopToken)
        {
            using var pump = Open(writeObject, stopToken);
            var task = Task.Run(() => work(pump, pump.Token));
            pump.PumpUntil(task);
            task.GetAwaiter().GetResult();
        }

        /// <summary>
        /// A pump that outlives one piece of work: several works (one per pipeline input, see <see cref="FanOutRunner"/>)
        /// write to it, and the pipeline thread executes their output whenever it calls <see cref="PumpUntil"/>.
        /// </summary>
        public static PipelinePump Open(Action<object?> writeObject, CancellationToken stopToken) => new PipelinePump(writeObject, stopToken);

        /// <summary>Cancelled when the caller stops or writing failed: the works' token.</summary>
        public CancellationToken Token => _workToken;

        /// <summary>
        /// Executes queued output on this thread until <paramref name="until"/> has completed and nothing is queued.
        /// A write that throws cancels every work; the rest is dropped and the exception is rethrown once
        /// <paramref name="until"/> has completed.
        /// </summary>
        public void PumpUntil(Task until)
        {
            until.ContinueWith(_ => WakeAll(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            List<Entry>? batch;
            while ((batch = Take(until)) != null)
            {
                for (int i = 0; i < batch.Count && _failure == null; i++)
                {
                    try
                    {
                        var entry = batch[i];
                        if (entry.Action != null) entry.Action();
                        else _writeObject(entry.Value);
                    }
                    catch (Exception e)
                    {
                        _failure = e;
                        _cancellation.Cancel();
                    }
                }
                batch.Clear();
            }
            if (_failure != null) ExceptionDispatchInfo.Capture(_failure).Throw();
        }

        /// <summary>
        /// Nothing more is accepted; producers still waiting for room are released, and works still running (a pipeline
        /// that ended early) are asked to stop.
        /// </summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _completed = true;
                Monitor.PulseAll(_gate);
            }
            _wake.Dispose();
            _cancellation.Cancel();
            _cancellation.Dispose();
        }

        /// <summary>Queues an output object; blocks while the queue is full. Dropped once the work is stopping.</summary>
        public void WriteObject(object? value) => Add(new Entry(value, null));

        /// <summary>Queues an action for the pipeline thread (progress, log records); dropped once stopping.</summary>
        public void Post(Action action) => Add(new Entry(null, action));

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

        private void Add(Entry entry)
        {
            lock (_gate)
            {
                while (_pending.Count >= Capacity && !_completed && !_workToken.IsCancellationRequested)
                {
                    _producersWaiting++;
                    Monitor.Wait(_gate);
                    _producersWaiting--;
                }
                // Stopping or finished: nothing more will be written, and clean-up code must not fail on its way out.
                if (_completed || _workToken.IsCancellationRequested) return;
                _pending.Add(entry);
                if (_consumerWaiting) Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Everything queued so far (waiting for at least one entry), or null once <paramref name="until"/> has ended.</summary>
        private List<Entry>? Take(Task until)
        {
            lock (_gate)
            {
                while (_pending.Count == 0 && !_completed && !until.IsCompleted)
                {
                    _consumerWaiting = true;
                    Monitor.Wait(_gate);
                    _consumerWaiting = false;
                }
                if (_pending.Count == 0) return null;
                var batch = _pending;
                _pending = _draining;
                _draining = batch;
                if (_producersWaiting > 0) Monitor.PulseAll(_gate);
                return batch;
            }
        }

        private void WakeAll()
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }

        private readonly struct Entry
        {
            public Entry(object? value, Action? action)
            {
                Value = value;
                Action = action;
            }

            public object? Value { get; }
            public Action? Action { get; }
        }
    }
}
