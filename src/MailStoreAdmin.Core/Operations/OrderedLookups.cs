using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// Lookups started one after another (GetUserInfo per user, one change per folder, ...) with at most
    /// <c>limit</c> in flight, whose answers are handed on in the order the lookups were started. A new lookup starts
    /// as soon as any running one ends (not only the oldest), so one slow answer does not hold the others back; up to
    /// a few times <c>limit</c> finished answers wait for an older one. <see cref="Add"/> blocks while no slot is free,
    /// which bounds concurrency and memory without a second queue.
    /// </summary>
    public sealed class OrderedLookups<T>
    {
        private const int WindowPerSlot = 4;
        private readonly Queue<Task<T>> _pending = new Queue<Task<T>>();
        private readonly SemaphoreSlim _slots;
        private readonly int _window;
        private readonly Action<T> _onResult;

        public OrderedLookups(int limit, Action<T> onResult)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            _slots = new SemaphoreSlim(limit, limit);
            _window = limit * WindowPerSlot;
            _onResult = onResult;
        }

        /// <summary>Starts a lookup when a slot is free; called from one thread at a time (the reader of a streamed list).</summary>
        public void Add(Func<Task<T>> start)
        {
            HandOnFinished();
            while (_pending.Count >= _window) _onResult(_pending.Dequeue().GetAwaiter().GetResult());
            _slots.Wait();
            _pending.Enqueue(RunAsync(start));
        }

        public async Task DrainAsync()
        {
            while (_pending.Count > 0) _onResult(await _pending.Dequeue().ConfigureAwait(false));
        }

        private void HandOnFinished()
        {
            while (_pending.Count > 0 && _pending.Peek().IsCompleted) _onResult(_pending.Dequeue().GetAwaiter().GetResult());
        }

        private async Task<T> RunAsync(Func<Task<T>> start)
        {
            try
            {
                return await start().ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }
    }
}
