using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MailStoreAdmin.Core.Integration.Server
{
    /// <summary>
    /// Time limits for socket I/O that work on .NET Framework too, where a started ReadAsync ignores its
    /// cancellation token: the operation races a timer task and the loser is abandoned (the connection is then closed).
    /// </summary>
    internal static class IoDeadline
    {
        /// <summary>A task that completes after <paramref name="limit"/>, or as soon as <paramref name="early"/> is cancelled.</summary>
        public static Task After(TimeSpan limit, CancellationToken early = default) =>
            Task.Delay(limit, early).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        /// <summary>Reads, or throws <see cref="TimeoutException"/> when <paramref name="deadline"/> completes first.</summary>
        public static async Task<int> ReadAsync(Stream stream, byte[] buffer, int offset, int count, Task deadline)
        {
            var read = stream.ReadAsync(buffer, offset, count);
            await RaceAsync(read, deadline).ConfigureAwait(false);
            return await read.ConfigureAwait(false);
        }

        public static Task WriteAsync(Stream stream, byte[] buffer, int offset, int count, Task deadline) =>
            RaceAsync(stream.WriteAsync(buffer, offset, count), deadline);

        public static async Task RaceAsync(Task operation, Task deadline)
        {
            if (!operation.IsCompleted && await Task.WhenAny(operation, deadline).ConfigureAwait(false) != operation)
            {
                Abandon(operation);
                throw new TimeoutException();
            }
            await operation.ConfigureAwait(false);
        }

        /// <summary>Observes the fault of an operation nobody awaits any more, so it is not reported as unobserved.</summary>
        public static void Abandon(Task operation) =>
            operation.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
