using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// Lookups (GetUserInfo per user, ...) for items that arrive from a streamed list, with at most <c>limit</c>
    /// running at once, whose answers are handed on in the order the items arrived.
    /// <para>
    /// The list reader only queues the item (<see cref="Add"/> never blocks) and one asynchronous loop
    /// (<see cref="RunAsync"/>) starts lookups and hands on answers. A new lookup starts as soon as any running one
    /// ends, not only when the oldest does: waiting for the oldest (head-of-line) left slots idle whenever one answer
    /// was slower than the others, and -Detailed ran at 1.65-1.8 × its latency bound. Answers that arrive ahead of an
    /// older one wait in order, at most 4 × limit of them, which bounds memory. Queued items are names, not results,
    /// so the queue stays small even when the list arrives much faster than the lookups.
    /// </para>
    /// </summary>
    public sealed class OrderedLookups<TItem, TResult>
    {
        private readonly ConcurrentQueue<TItem> _waiting = new ConcurrentQueue<TItem>();
        private readonly SemaphoreSlim _changed = new SemaphoreSlim(0);
        private readonly int _limit;
        private readonly Func<TItem, Task<TResult>> _lookup;
        private readonly Action<TResult> _onResult;
        private volatile bool _complete;
        private int _running;

        public OrderedLookups(int limit, Func<TItem, Task<TResult>> lookup, Action<TResult> onResult)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            _limit = limit;
            _lookup = lookup;
            _onResult = onResult;
        }

        /// <summary>Looks up every item of a known list, answers in list order.</summary>
        public static Task ForEachAsync(IEnumerable<TItem> items, int limit, Func<TItem, Task<TResult>> lookup, Action<TResult> onResult,
            CancellationToken cancellationToken) =>
            ForEachAsync(add =>
            {
                foreach (var item in items) add(item);
                return Task.CompletedTask;
            }, limit, lookup, onResult, cancellationToken);

        /// <summary>
        /// Looks up every item <paramref name="produce"/> hands over (a streamed list: it gets the add function),
        /// answers in the order the items arrived; lookups run while the list is still being read.
        /// </summary>
        public static async Task ForEachAsync(Func<Action<TItem>, Task> produce, int limit, Func<TItem, Task<TResult>> lookup,
            Action<TResult> onResult, CancellationToken cancellationToken)
        {
            var lookups = new OrderedLookups<TItem, TResult>(limit, lookup, onResult);
            var answering = lookups.RunAsync(cancellationToken);
            try
            {
                await produce(lookups.Add).ConfigureAwait(false);
            }
            finally
            {
                lookups.Complete();
            }
            await answering.ConfigureAwait(false);
        }

        /// <summary>Queues an item; called by the list reader.</summary>
        public void Add(TItem item)
        {
            _waiting.Enqueue(item);
            _changed.Release();
        }

        /// <summary>No more items will be added; <see cref="RunAsync"/> ends once the queued ones are answered.</summary>
        public void Complete()
        {
            _complete = true;
            _changed.Release();
        }

        /// <summary>Starts lookups as items arrive and slots free up, and hands on their answers in order.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var started = new Queue<Task<TResult>>();
            while (true)
            {
                while (started.Count > 0 && started.Peek().IsCompleted) _onResult(await started.Dequeue().ConfigureAwait(false));
                var any = false;
                while (Volatile.Read(ref _running) < _limit && started.Count < 4 * _limit && _waiting.TryDequeue(out var item))
                {
                    Interlocked.Increment(ref _running);
                    started.Enqueue(RunOneAsync(item));
                    any = true;
                }
                if (any) continue;
                if (started.Count == 0 && _complete && _waiting.IsEmpty) return;
                // Woken by a new item, the end of the list, or any lookup that ends.
                await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<TResult> RunOneAsync(TItem item)
        {
            try
            {
                return await _lookup(item).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
                _changed.Release();
            }
        }
    }
}
