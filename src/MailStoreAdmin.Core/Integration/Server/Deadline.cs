using System;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// A task that completes when a time limit passes (or an early token is cancelled). Disposing it releases the
    /// timer at once, so a kept-alive connection does not leave one pending timer behind per request.
    /// </summary>
    internal sealed class Deadline : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenRegistration _registration;

        public Deadline(TimeSpan limit, CancellationToken early = default)
        {
            _timer = CancellationTokenSource.CreateLinkedTokenSource(early);
            var expired = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _registration = _timer.Token.Register(() => expired.TrySetResult(true));
            _timer.CancelAfter(limit);
            Task = expired.Task;
        }

        public Task Task { get; }

        public void Dispose()
        {
            _registration.Dispose();
            _timer.Dispose();
        }
    }
}
