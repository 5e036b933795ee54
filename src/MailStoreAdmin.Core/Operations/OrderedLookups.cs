using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// Lookups started one after another (GetUserInfo per user, ...) with at most <c>limit</c> in flight, whose
    /// answers are handed on in the order the lookups were started. <see cref="Add"/> waits for the oldest lookup
    /// when the limit is reached, which bounds concurrency and memory without a second queue.
    /// </summary>
    public sealed class OrderedLookups<T>
    {
        private readonly Queue<Task<T>> _pending = new Queue<Task<T>>();
        private readonly int _limit;
        private readonly Action<T> _onResult;

        public OrderedLookups(int limit, Action<T> onResult)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            _limit = limit;
            _onResult = onResult;
        }

        /// <summary>Adds a started lookup; called from one thread at a time (the reader of a streamed list).</summary>
        public void Add(Task<T> lookup)
        {
            _pending.Enqueue(lookup);
            while (_pending.Count >= _limit) _onResult(_pending.Dequeue().GetAwaiter().GetResult());
        }

        public async Task DrainAsync()
        {
            while (_pending.Count > 0) _onResult(await _pending.Dequeue().ConfigureAwait(false));
        }
    }
}
