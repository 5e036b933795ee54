using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Who may read, write or delete in which archive folder: read from GetUserInfo (privilegesOnFolders), changed
    /// with SetUserPrivilegesOnFolder / ClearUserPrivilegesOnFolders, and kept as desired state.
    /// </summary>
    public static class MsFolderPermissionOperations
    {
        /// <summary>
        /// Get-MsFolderPermission: one object per user and folder with access, for the users matching
        /// <paramref name="userName"/> (a plain name is looked up directly) and folders matching <paramref name="folder"/>.
        /// </summary>
        public static async Task GetPermissionsAsync(MsConnection connection, string? userName, string? folder, int throttleLimit,
            OperationContext context, CancellationToken cancellationToken)
        {
            var users = string.IsNullOrEmpty(userName) ? null : new Wildcard(userName!);
            var folders = string.IsNullOrEmpty(folder) ? null : new Wildcard(folder!);
            void Write(MsUser user)
            {
                foreach (var pair in FolderPermissionPlan.Current(user))
                {
                    if (pair.Value == MsFolderAccess.None || (folders != null && !folders.IsMatch(pair.Key))) continue;
                    context.WriteObject(new MsFolderPermission
                    {
                        UserName = user.UserName ?? string.Empty, Folder = pair.Key, Access = pair.Value, ComputerName = connection.ComputerName,
                    });
                }
            }

            if (users != null && !users.IsPattern)
            {
                Write(await MsUserOperations.GetUserAsync(connection, users.Literal, context, cancellationToken).ConfigureAwait(false));
                return;
            }
            await MsUserOperations.ForEachDetailedUserAsync(connection, users, throttleLimit, Write, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Set-MsFolderPermission: gives each user exactly <paramref name="access"/> on each folder (None revokes);
        /// users and folders must exist, and pairs that already have it are left alone.
        /// </summary>
        public static Task SetPermissionAsync(MsConnection connection, IReadOnlyList<string> userNames, IReadOnlyList<string> folders,
            MsFolderAccess access, bool passThru, int throttleLimit, OperationContext context, CancellationToken cancellationToken)
        {
            var desired = userNames.SelectMany(u => folders.Select(f => (object?)new MsFolderPermission { UserName = u, Folder = f, Access = access })).ToList();
            return SyncAsync(connection, desired, null, false, throttleLimit, passThru, context, cancellationToken);
        }

        /// <summary>
        /// Remove-MsFolderPermission: revokes a user's access to the folders matching <paramref name="folder"/>, or,
        /// without a folder, all of it with one ClearUserPrivilegesOnFolders.
        /// </summary>
        public static async Task RemovePermissionAsync(MsConnection connection, string userName, string? folder, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var user = await MsUserOperations.GetUserAsync(connection, MsUserInput.Name(userName, "user name"), context, cancellationToken).ConfigureAwait(false);
            var name = user.UserName ?? userName;
            var current = FolderPermissionPlan.Current(user).Where(p => p.Value != MsFolderAccess.None).ToList();
            if (!string.IsNullOrEmpty(folder))
            {
                var scope = new FolderPermissionScope(new[] { folder! }, null);
                var changes = current.Where(p => scope.IncludesFolder(p.Key))
                    .Select(p => FolderPermissionPlan.Change(name, p.Key, p.Value, MsFolderAccess.None)).ToList();
                if (changes.Count == 0 && !Wildcard.ContainsWildcard(folder!))
                {
                    context.Log(LogLevel.Verbose, $"User '{name}' has no access to '{folder}'; nothing was sent.");
                }
                await ApplyAsync(connection, changes, 1, passThru, context, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (current.Count == 0)
            {
                context.Log(LogLevel.Verbose, $"User '{name}' has no folder access; nothing was sent.");
                return;
            }
            var folders = string.Join(", ", current.Select(p => p.Key));
            if (!context.ShouldProcess($"user '{name}' on {connection.ComputerName}: {folders}", "Remove all folder access")) return;
            await connection.InvokeAsync("ClearUserPrivilegesOnFolders", MsUserOperations.Args("userName", name), null, context, cancellationToken, name)
                .ConfigureAwait(false);
            if (!passThru) return;
            foreach (var pair in current)
            {
                var change = FolderPermissionPlan.Change(name, pair.Key, pair.Value, MsFolderAccess.None);
                change.Status = MsChangeStatus.Applied;
                change.ComputerName = connection.ComputerName;
                context.WriteObject(change);
            }
        }

        /// <summary>
        /// Sync-MsFolderPermission: reads the current access of the users concerned (GetUserInfo, up to
        /// <paramref name="throttleLimit"/> at a time), computes the changes to <paramref name="desiredState"/> within
        /// <paramref name="scope"/>, and applies each one after its own ShouldProcess (several in flight). Every change
        /// is written as a record (Planned when not sent) when <paramref name="writeChanges"/> is set. Unknown users or
        /// folders and invalid entries stop the run before anything is sent. A second run finds nothing to change.
        /// </summary>
        public static async Task SyncAsync(MsConnection connection, IReadOnlyList<object?> desiredState, FolderPermissionScope? scope,
            bool removeUnlisted, int throttleLimit, bool writeChanges, OperationContext context, CancellationToken cancellationToken)
        {
            scope ??= new FolderPermissionScope(null, null);
            var desired = FolderPermissionPlan.ReadDesiredState(desiredState);
            if (desired.Count == 0)
            {
                // An empty file must not turn -RemoveUnlisted into "revoke everything".
                throw MsUserInput.Invalid("EmptyDesiredState",
                    "The desired state has no entries, so nothing was read or changed. To revoke access, list it with Access None or use Remove-MsFolderPermission.", null);
            }
            var inScope = desired.Where(d => scope.Includes(d.UserName, d.Folder)).ToList();
            if (inScope.Count < desired.Count)
            {
                context.Log(LogLevel.Warning, $"{desired.Count - inScope.Count} entr{(desired.Count - inScope.Count == 1 ? "y" : "ies")} of the desired state lie outside the scope and were ignored.");
            }

            var archives = await MsFolderOperations.GetUserArchivesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var unknownFolders = inScope.Select(d => d.Folder).Where(f => !archives.Contains(f)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (unknownFolders.Count > 0)
            {
                throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreFolderNotFound",
                    $"Folder access is given on user archives (top-level folders); {connection.ComputerName} has none named {Names(unknownFolders)}. Nothing was changed.",
                    unknownFolders[0], recommendedAction: "Get-MsFolder lists the user archives.");
            }

            var users = await ReadUsersAsync(connection, inScope, scope, removeUnlisted, throttleLimit, context, cancellationToken).ConfigureAwait(false);
            var changes = FolderPermissionPlan.Diff(users, inScope, scope, removeUnlisted);
            context.Log(LogLevel.Verbose, $"Read {users.Count} user(s); {changes.Count} change(s) to make.");
            await ApplyAsync(connection, changes, throttleLimit, writeChanges, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The users whose access the run compares: those listed, or with removeUnlisted every user in scope.</summary>
        private static async Task<List<MsUser>> ReadUsersAsync(MsConnection connection, IReadOnlyList<DesiredFolderPermission> desired,
            FolderPermissionScope scope, bool removeUnlisted, int throttleLimit, OperationContext context, CancellationToken cancellationToken)
        {
            var names = desired.Select(d => d.UserName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var missing = new List<string>();
            if (removeUnlisted)
            {
                var all = new List<string>();
                await MsUserOperations.ListUsersAsync(connection, null, u =>
                {
                    if (u.UserName != null && scope.IncludesUser(u.UserName)) all.Add(u.UserName);
                }, context, cancellationToken).ConfigureAwait(false);
                var known = new HashSet<string>(all, StringComparer.OrdinalIgnoreCase);
                missing.AddRange(names.Where(n => !known.Contains(n)));
                ThrowIfMissing(connection, missing);
                names = all;
            }
            var users = new List<MsUser>(names.Count);
            await MsUserOperations.ReadUsersAsync(connection, names, throttleLimit, users.Add, (name, _) => missing.Add(name), context, cancellationToken)
                .ConfigureAwait(false);
            ThrowIfMissing(connection, missing);
            return users;
        }

        private static void ThrowIfMissing(MsConnection connection, List<string> missing)
        {
            if (missing.Count == 0) return;
            throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreUserNotFound",
                $"{connection.ComputerName} has no user named {Names(missing)}. Nothing was changed.", missing[0],
                recommendedAction: "Create the users first (New-MsUser), or take them out of the desired state.");
        }

        /// <summary>
        /// Sends each change whose ShouldProcess agrees, up to <paramref name="throttleLimit"/> at a time, and writes
        /// the records in plan order: Applied, Failed (also an error record), or Planned when not sent.
        /// </summary>
        private static async Task ApplyAsync(MsConnection connection, IReadOnlyList<MsFolderPermissionChange> changes, int throttleLimit,
            bool writeChanges, OperationContext context, CancellationToken cancellationToken)
        {
            // The lookups are started in plan order on one thread, so the questions come in plan order too.
            await OrderedLookups<MsFolderPermissionChange, MsFolderPermissionChange>.ForEachAsync(changes, throttleLimit, change =>
            {
                change.ComputerName = connection.ComputerName;
                if (context.ShouldProcess(Describe(connection, change), Action(change))) return SendAsync(connection, change, context, cancellationToken);
                change.Status = MsChangeStatus.Planned;
                return Task.FromResult(change);
            }, change =>
            {
                if (writeChanges) context.WriteObject(change);
            }, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<MsFolderPermissionChange> SendAsync(MsConnection connection, MsFolderPermissionChange change, OperationContext context,
            CancellationToken cancellationToken)
        {
            var arguments = new[]
            {
                new KeyValuePair<string, object?>("userName", change.UserName),
                new KeyValuePair<string, object?>("folder", change.Folder),
                new KeyValuePair<string, object?>("privileges", MsUserInput.AccessText(change.NewAccess)),
            };
            try
            {
                await connection.InvokeAsync("SetUserPrivilegesOnFolder", arguments, null, context, cancellationToken, change.UserName).ConfigureAwait(false);
                change.Status = MsChangeStatus.Applied;
            }
            catch (MailStoreAdminException e)
            {
                change.Status = MsChangeStatus.Failed;
                context.WriteError(new MailStoreAdminException(e.Kind, "MailStoreFolderPermissionFailed",
                    $"{Action(change)} for user '{change.UserName}' on '{change.Folder}' failed: {e.Message}", change, e));
            }
            return change;
        }

        private static string Action(MsFolderPermissionChange change) => change.Action switch
        {
            MsFolderPermissionAction.Grant => $"Grant {change.NewAccess}",
            MsFolderPermissionAction.Revoke => $"Revoke {change.OldAccess}",
            _ => $"Change {change.OldAccess} to {change.NewAccess}",
        };

        private static string Describe(MsConnection connection, MsFolderPermissionChange change) =>
            $"folder '{change.Folder}' for user '{change.UserName}' on {connection.ComputerName}";

        private static string Names(IReadOnlyList<string> names) =>
            string.Join(", ", names.Take(10).Select(n => "'" + n + "'")) + (names.Count > 10 ? $" and {names.Count - 10} more" : string.Empty);
    }
}
