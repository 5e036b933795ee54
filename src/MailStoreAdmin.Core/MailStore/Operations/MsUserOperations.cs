using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>MailStore users.</summary>
    public static class MsUserOperations
    {
        /// <summary>
        /// Get-MsUser: no name lists everyone, a wildcard filters the list, and a plain name is looked up directly
        /// with GetUserInfo (one call, full details; not found is an error record).
        /// </summary>
        public static async Task FindUsersAsync(MsConnection connection, string? name, bool detailed, int throttleLimit,
            OperationContext context, CancellationToken cancellationToken)
        {
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            if (filter != null && !filter.IsPattern)
            {
                var user = await TryGetUserAsync(connection, filter.Literal, context, cancellationToken).ConfigureAwait(false);
                if (user != null) context.WriteObject(user);
                return;
            }
            await GetUsersAsync(connection, filter, detailed, throttleLimit, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Writes the users whose names match <paramref name="filter"/> (all when null), in server order.
        /// With <paramref name="detailed"/>, each user is completed by GetUserInfo with up to
        /// <paramref name="throttleLimit"/> calls in flight; output keeps the server order, and a user whose details
        /// fail is an error record while the others continue.
        /// </summary>
        public static async Task GetUsersAsync(MsConnection connection, Wildcard? filter, bool detailed, int throttleLimit,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (!detailed)
            {
                await ListUsersAsync(connection, filter, context.WriteObject, context, cancellationToken).ConfigureAwait(false);
                return;
            }
            await ForEachDetailedUserAsync(connection, filter, throttleLimit, context.WriteObject, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The detailed user (GetUserInfo) of every listed user matching <paramref name="filter"/>, with up to
        /// <paramref name="throttleLimit"/> calls in flight while the list is still being read, handed over in server
        /// order; a user whose details fail is an error record.
        /// </summary>
        public static Task ForEachDetailedUserAsync(MsConnection connection, Wildcard? filter, int throttleLimit, Action<MsUser> onUser,
            OperationContext context, CancellationToken cancellationToken) =>
            OrderedLookups<string, MsUser?>.ForEachAsync(
                add => ListUsersAsync(connection, filter, user => add(user.UserName!), context, cancellationToken),
                throttleLimit,
                userName => TryGetUserAsync(connection, userName, context, cancellationToken),
                user =>
                {
                    if (user != null) onUser(user);
                },
                cancellationToken);

        /// <summary>
        /// The detailed users of the given names, with up to <paramref name="throttleLimit"/> calls in flight, in the
        /// order given; a name the server does not know goes to <paramref name="onMissing"/>.
        /// </summary>
        public static Task ReadUsersAsync(MsConnection connection, IEnumerable<string> userNames, int throttleLimit,
            Action<MsUser> onUser, Action<string, MailStoreAdminException> onMissing, OperationContext context, CancellationToken cancellationToken)
        {
            return OrderedLookups<string, (string Name, MsUser? User, MailStoreAdminException? Error)>.ForEachAsync(userNames, throttleLimit, ReadOneAsync,
                found =>
                {
                    if (found.User != null) onUser(found.User);
                    else onMissing(found.Name, found.Error!);
                }, cancellationToken);

            async Task<(string, MsUser?, MailStoreAdminException?)> ReadOneAsync(string name)
            {
                try
                {
                    return (name, await GetUserAsync(connection, name, context, cancellationToken).ConfigureAwait(false), null);
                }
                catch (MailStoreAdminException e) when (e.Kind == ErrorKind.ObjectNotFound)
                {
                    return (name, null, e);
                }
            }
        }

        /// <summary>The users (GetUsers: names and basic fields) matching a filter, handed over as the server streams them.</summary>
        public static Task ListUsersAsync(MsConnection connection, Wildcard? filter, Action<MsUser> onUser, OperationContext context,
            CancellationToken cancellationToken) =>
            connection.InvokeAsync("GetUsers", null, item =>
            {
                var user = MsJson.Read(item, MsJsonContext.Default.MsUser);
                if (filter != null && !filter.IsMatch(user.UserName)) return;
                user.ComputerName = connection.ComputerName;
                onUser(user);
            }, context, cancellationToken);

        /// <summary>One user by exact name (GetUserInfo); not found is a MailStoreUserNotFound error.</summary>
        public static async Task<MsUser> GetUserAsync(MsConnection connection, string userName, OperationContext context,
            CancellationToken cancellationToken)
        {
            MsUser? user = null;
            try
            {
                await connection.InvokeAsync("GetUserInfo", Args("userName", userName),
                    item => user = MsJson.Read(item, MsJsonContext.Default.MsUser), context, cancellationToken, userName)
                    .ConfigureAwait(false);
            }
            catch (MsApiException e)
            {
                // The server reports a missing user as a failed call; say it the PowerShell way.
                throw UserNotFound(connection, userName, ": " + e.ApiMessage, e);
            }
            if (user == null) throw UserNotFound(connection, userName, ".", null);
            user.IsDetailed = true;
            user.ComputerName = connection.ComputerName;
            if (string.IsNullOrEmpty(user.UserName)) user.UserName = userName;
            return user;
        }

        /// <summary>Like <see cref="GetUserAsync"/>, but a failure is an error record and the result null.</summary>
        public static async Task<MsUser?> TryGetUserAsync(MsConnection connection, string userName, OperationContext context,
            CancellationToken cancellationToken)
        {
            try
            {
                return await GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            }
            catch (MailStoreAdminException e)
            {
                context.WriteError(e);
                return null;
            }
        }

        public static MailStoreAdminException UserNotFound(MsConnection connection, string userName, string detail, Exception? inner) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreUserNotFound",
                $"User '{userName}' was not found on {connection.ComputerName}{detail}", userName, inner);

        internal static KeyValuePair<string, object?>[] Args(string name, object? value) =>
            new[] { new KeyValuePair<string, object?>(name, value) };
    }
}
