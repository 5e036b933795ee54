using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Pipeline;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>What Get-MsUser does, without PowerShell.</summary>
    public static class MsUserOperations
    {
        /// <summary>
        /// What Get-MsUser -Name does: no name lists everyone, a wildcard filters the list, and a plain name is looked
        /// up directly with GetUserInfo (one call, full details; not found is reported to <paramref name="onError"/>).
        /// </summary>
        public static async Task FindUsersAsync(MsConnection connection, string? name, bool detailed, int throttleLimit,
            Action<MsUser> onUser, Action<MailStoreAdminException> onError, CallObserver? observer, CancellationToken cancellationToken)
        {
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            if (filter != null && !filter.IsPattern)
            {
                var user = await TryGetDetailsAsync(connection, filter.Literal, onError, observer, cancellationToken).ConfigureAwait(false);
                if (user != null) onUser(user);
                return;
            }
            await GetUsersAsync(connection, filter, detailed, throttleLimit, onUser, onError, observer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Streams the users whose names match <paramref name="filter"/> (all when null), in server order.
        /// With <paramref name="detailed"/>, each user is completed by GetUserInfo with up to
        /// <paramref name="throttleLimit"/> calls in flight; output keeps the server order, and a user whose details
        /// fail is reported to <paramref name="onError"/> while the others continue.
        /// </summary>
        public static async Task GetUsersAsync(MsConnection connection, Wildcard? filter, bool detailed, int throttleLimit,
            Action<MsUser> onUser, Action<MailStoreAdminException> onError, CallObserver? observer, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            var pending = new Queue<Task<MsUser?>>();

            void EmitHead()
            {
                var user = pending.Dequeue().GetAwaiter().GetResult();
                if (user != null) onUser(user);
            }

            await connection.InvokeAsync("GetUsers", null, item =>
            {
                var user = MsJson.Read(item, MsJsonContext.Default.MsUser);
                if (filter != null && !filter.IsMatch(user.UserName)) return;
                user.ComputerName = connection.ComputerName;
                if (!detailed)
                {
                    onUser(user);
                    return;
                }
                pending.Enqueue(TryGetDetailsAsync(connection, user.UserName!, onError, observer, cancellationToken));
                // The reader thread waits here for the oldest lookup: that bounds both concurrency and memory.
                while (pending.Count >= throttleLimit) EmitHead();
            }, observer, cancellationToken).ConfigureAwait(false);

            while (pending.Count > 0)
            {
                await pending.Peek().ConfigureAwait(false);
                EmitHead();
            }
        }

        /// <summary>One user by exact name (GetUserInfo); not found is an ObjectNotFound error.</summary>
        public static async Task<MsUser> GetUserAsync(MsConnection connection, string userName, CallObserver? observer,
            CancellationToken cancellationToken)
        {
            MsUser? user = null;
            try
            {
                await connection.InvokeAsync("GetUserInfo", Args("userName", userName),
                    item => user = MsJson.Read(item, MsJsonContext.Default.MsUser), observer, cancellationToken, userName)
                    .ConfigureAwait(false);
            }
            catch (MsApiException e)
            {
                // The server reports a missing user as a failed call; say it the PowerShell way.
                throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreUserNotFound",
                    $"User '{userName}' was not found on {connection.ComputerName}: {e.ApiMessage}", userName, e);
            }
            if (user == null)
            {
                throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreUserNotFound",
                    $"User '{userName}' was not found on {connection.ComputerName}.", userName);
            }
            user.IsDetailed = true;
            user.ComputerName = connection.ComputerName;
            if (string.IsNullOrEmpty(user.UserName)) user.UserName = userName;
            return user;
        }

        private static async Task<MsUser?> TryGetDetailsAsync(MsConnection connection, string userName,
            Action<MailStoreAdminException> onError, CallObserver? observer, CancellationToken cancellationToken)
        {
            try
            {
                return await GetUserAsync(connection, userName, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (MailStoreAdminException e)
            {
                onError(e);
                return null;
            }
        }

        internal static KeyValuePair<string, object?>[] Args(string name, object? value) =>
            new[] { new KeyValuePair<string, object?>(name, value) };
    }
}
