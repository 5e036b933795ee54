using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>The properties New-MsUser and Set-MsUser take; null means "not given", an empty text clears.</summary>
    public sealed class MsUserProperties
    {
        public string? FullName { get; set; }
        public string? DistinguishedName { get; set; }
        public MsUserAuthentication? Authentication { get; set; }
        public IReadOnlyList<string>? EmailAddresses { get; set; }
        public IReadOnlyList<string>? AddEmailAddresses { get; set; }
        public IReadOnlyList<string>? RemoveEmailAddresses { get; set; }
        public IReadOnlyList<string>? Pop3UserNames { get; set; }
        public IReadOnlyList<MsUserPrivilege>? Privileges { get; set; }
        public IReadOnlyList<MsLoginPrivilege>? LoginPrivileges { get; set; }
    }

    /// <summary>Creating, changing, renaming and removing MailStore users; MFA resets.</summary>
    public static class MsUserEditOperations
    {
        /// <summary>
        /// New-MsUser: CreateUser with everything it takes, then SetUserEmailAddresses when addresses are given.
        /// Without privileges the user gets none (the server requires the argument).
        /// </summary>
        public static async Task NewUserAsync(MsConnection connection, string name, MsUserProperties properties, string? password,
            bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            var userName = MsUserInput.Name(name, "user name");
            var addresses = MsUserInput.EmailAddresses(properties.EmailAddresses, userName);
            var privileges = MsUserInput.PrivilegeList(properties.Privileges ?? Array.Empty<MsUserPrivilege>(), userName);
            var create = new List<(string, object?)> { ("userName", userName), ("privileges", privileges) };
            var given = new List<string> { "Privilege" };
            void Optional(string argument, string property, object? value)
            {
                if (value == null) return;
                create.Add((argument, value));
                given.Add(property);
            }
            Optional("fullName", "FullName", properties.FullName);
            Optional("distinguishedName", "DistinguishedName", properties.DistinguishedName);
            Optional("authentication", "Authentication", properties.Authentication is { } a ? MsUserInput.ApiName(a) : null);
            Optional("password", "Password", password);
            Optional("loginPrivileges", "LoginPrivilege",
                properties.LoginPrivileges == null ? null : MsUserInput.LoginPrivilegeList(properties.LoginPrivileges, userName));

            var change = new MsUserChange(userName).AddRaw(string.Join(", ", given), "CreateUser", create.ToArray());
            if (addresses.Count > 0) change.Add("EmailAddress", "SetUserEmailAddresses", ("emailAddresses", addresses.ToArray()));
            if (!await change.ApplyAsync(connection, "Create user", Describe(connection, userName, change), context, cancellationToken).ConfigureAwait(false)) return;
            await PassThruAsync(connection, userName, passThru, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Set-MsUser: reads the user, then sends one call per given property whose value differs (addresses added
        /// or removed against the current list).
        /// </summary>
        public static async Task SetUserAsync(MsConnection connection, string name, MsUserProperties properties, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var userName = MsUserInput.Name(name, "user name");
            var replace = properties.EmailAddresses == null ? null : MsUserInput.EmailAddresses(properties.EmailAddresses, userName);
            var add = MsUserInput.EmailAddresses(properties.AddEmailAddresses, userName);
            var remove = MsUserInput.EmailAddresses(properties.RemoveEmailAddresses, userName);
            var loginPrivileges = properties.LoginPrivileges == null ? null : MsUserInput.LoginPrivilegeList(properties.LoginPrivileges, userName);
            var user = await MsUserOperations.GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            userName = user.UserName ?? userName;

            var change = new MsUserChange(userName);
            if (properties.FullName != null && properties.FullName != (user.FullName ?? string.Empty))
                change.Add("FullName", "SetUserFullName", ("fullName", properties.FullName));
            if (properties.DistinguishedName != null && properties.DistinguishedName != (user.DistinguishedName ?? string.Empty))
                change.Add("DistinguishedName", "SetUserDistinguishedName", ("distinguishedName", properties.DistinguishedName));
            if (properties.Authentication is { } authentication
                && !string.Equals(MsUserInput.ApiName(authentication), user.Authentication, StringComparison.OrdinalIgnoreCase))
                change.Add("Authentication", "SetUserAuthentication", ("authentication", MsUserInput.ApiName(authentication)));
            if (replace != null || add.Count > 0 || remove.Count > 0)
            {
                var addresses = (replace ?? user.EmailAddresses).ToList();
                foreach (var address in add)
                {
                    if (!addresses.Contains(address, StringComparer.OrdinalIgnoreCase)) addresses.Add(address);
                }
                addresses.RemoveAll(a => remove.Contains(a, StringComparer.OrdinalIgnoreCase));
                if (!SameList(addresses, user.EmailAddresses))
                    change.Add("EmailAddress", "SetUserEmailAddresses", ("emailAddresses", addresses.ToArray()));
            }
            if (properties.Pop3UserNames != null)
            {
                var pop3 = properties.Pop3UserNames.Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
                if (!SameList(pop3, user.Pop3UserNames)) change.Add("Pop3UserName", "SetUserPop3UserNames", ("pop3UserNames", pop3));
            }
            if (loginPrivileges != null && !SameList(loginPrivileges.Split(','), user.LoginPrivileges.Length == 0 ? new[] { "none" } : user.LoginPrivileges))
                change.Add("LoginPrivilege", "SetUserLoginPrivileges", ("loginPrivileges", loginPrivileges));

            if (change.Count > 0 && !await change.ApplyAsync(connection, "Set", Describe(connection, userName, change), context, cancellationToken).ConfigureAwait(false)) return;
            if (change.Count == 0) context.Log(LogLevel.Verbose, $"User '{userName}' already has the values given; nothing was sent.");
            await PassThruAsync(connection, userName, passThru, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Set-MsUserPassword: SetUserPassword for an existing user; the password appears in nothing written.</summary>
        public static async Task SetPasswordAsync(MsConnection connection, string name, string password, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(password)) throw MsUserInput.Invalid("InvalidPassword", "The new password is empty.", name);
            var user = await ExistingAsync(connection, name, context, cancellationToken).ConfigureAwait(false);
            var change = new MsUserChange(user).Add("Password", "SetUserPassword", ("password", password));
            await change.ApplyAsync(connection, "Set password", $"user '{user}' on {connection.ComputerName}", context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Rename-MsUser: RenameUser after checking that the old name exists and the new one does not. The archive
        /// folder keeps its name (MailStore does not rename it; Move-MsFolder does).
        /// </summary>
        public static async Task RenameUserAsync(MsConnection connection, string name, string newName, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var target = MsUserInput.Name(newName, "new user name");
            var user = await ExistingAsync(connection, name, context, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(user, target, StringComparison.OrdinalIgnoreCase) && await ExistsAsync(connection, target, context, cancellationToken).ConfigureAwait(false))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreUserExists",
                    $"Cannot rename '{user}' to '{target}': a user named '{target}' already exists on {connection.ComputerName}.", target);
            }
            var change = new MsUserChange(user).AddRaw("UserName", "RenameUser", ("oldUserName", user), ("newUserName", target));
            if (!await change.ApplyAsync(connection, "Rename user", $"user '{user}' to '{target}' on {connection.ComputerName} (the archive folder '{user}' keeps its name)",
                context, cancellationToken).ConfigureAwait(false)) return;
            await PassThruAsync(connection, target, passThru, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Remove-MsUser: DeleteUser; the user's archive folder and its messages stay.</summary>
        public static async Task RemoveUserAsync(MsConnection connection, string name, OperationContext context, CancellationToken cancellationToken)
        {
            var user = await ExistingAsync(connection, name, context, cancellationToken).ConfigureAwait(false);
            var change = new MsUserChange(user).Add("User", "DeleteUser");
            if (await change.ApplyAsync(connection, "Remove user", $"user '{user}' on {connection.ComputerName} (the archive folder '{user}' and its messages stay)",
                context, cancellationToken).ConfigureAwait(false))
            {
                context.Log(LogLevel.Verbose, $"Removed user '{user}'; the archive folder '{user}' stays.");
            }
        }

        /// <summary>
        /// Set-MsUserPrivilege: replaces the privileges, or adds/removes some against the current ones; nothing is
        /// sent when the result equals what the user has.
        /// </summary>
        public static async Task SetPrivilegeAsync(MsConnection connection, string name, IReadOnlyList<MsUserPrivilege>? replace,
            IReadOnlyList<MsUserPrivilege>? add, IReadOnlyList<MsUserPrivilege>? remove, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            var userName = MsUserInput.Name(name, "user name");
            if (replace != null) MsUserInput.PrivilegeList(replace, userName);
            var user = await MsUserOperations.GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            userName = user.UserName ?? userName;
            // Worked on as the server spells them, so a privilege this module does not know survives -Add/-Remove.
            var current = user.Privileges.Where(p => !string.Equals(p, "none", StringComparison.OrdinalIgnoreCase)).ToList();
            var result = replace == null ? new List<string>(current) : replace.Select(p => MsUserInput.ApiName(p)).ToList();
            foreach (var privilege in add ?? Array.Empty<MsUserPrivilege>())
            {
                // Adding a real privilege ends "none"; adding "none" is a request for no privileges at all.
                if (privilege == MsUserPrivilege.None) result.Clear();
                result.RemoveAll(p => string.Equals(p, "none", StringComparison.OrdinalIgnoreCase));
                if (!result.Contains(MsUserInput.ApiName(privilege), StringComparer.OrdinalIgnoreCase)) result.Add(MsUserInput.ApiName(privilege));
            }
            result.RemoveAll(p => remove?.Any(r => string.Equals(MsUserInput.ApiName(r), p, StringComparison.OrdinalIgnoreCase)) == true);
            var list = MsUserInput.PrivilegeText(result, userName);
            var currentList = current.Count == 0 ? "none" : string.Join(",", current);
            var change = new MsUserChange(userName);
            if (!SameList(list.Split(','), currentList.Split(','))) change.Add("Privilege", "SetUserPrivileges", ("privileges", list));
            if (change.Count > 0 && !await change.ApplyAsync(connection, "Set privileges",
                $"user '{userName}' on {connection.ComputerName}: {currentList} -> {list}", context, cancellationToken).ConfigureAwait(false)) return;
            if (change.Count == 0) context.Log(LogLevel.Verbose, $"User '{userName}' already has the privileges {list}; nothing was sent.");
            await PassThruAsync(connection, userName, passThru, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Reset-MsUserMfa: DisableMFA (the user sets up MFA again at the next login, if it is required).</summary>
        public static Task ResetMfaAsync(MsConnection connection, string name, OperationContext context, CancellationToken cancellationToken) =>
            UserActionAsync(connection, name, "DisableMFA", "Reset MFA", "MFA", context, cancellationToken);

        /// <summary>Remove-MsUserAppPassword: DeleteAppPasswords (every app password of the user).</summary>
        public static Task RemoveAppPasswordsAsync(MsConnection connection, string name, OperationContext context, CancellationToken cancellationToken) =>
            UserActionAsync(connection, name, "DeleteAppPasswords", "Remove all app passwords", "AppPassword", context, cancellationToken);

        /// <summary>Initialize-MsUserMfa: InitializeMFA, on servers whose metadata has it.</summary>
        public static Task InitializeMfaAsync(MsConnection connection, string name, OperationContext context, CancellationToken cancellationToken)
        {
            if (!connection.Metadata.Contains("InitializeMFA"))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidOperation, "MailStoreFunctionNotAvailable",
                    $"{connection.ComputerName} has no InitializeMFA function (older MailStore version).", name,
                    recommendedAction: "Update MailStore, or reset MFA with Reset-MsUserMfa instead.");
            }
            return UserActionAsync(connection, name, "InitializeMFA", "Initialize MFA", "MFA", context, cancellationToken);
        }

        private static async Task UserActionAsync(MsConnection connection, string name, string function, string action, string property,
            OperationContext context, CancellationToken cancellationToken)
        {
            var user = await ExistingAsync(connection, name, context, cancellationToken).ConfigureAwait(false);
            await new MsUserChange(user).Add(property, function)
                .ApplyAsync(connection, action, $"user '{user}' on {connection.ComputerName}", context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The server's spelling of an existing user's name; not found is MailStoreUserNotFound.</summary>
        private static async Task<string> ExistingAsync(MsConnection connection, string name, OperationContext context, CancellationToken cancellationToken)
        {
            var userName = MsUserInput.Name(name, "user name");
            var user = await MsUserOperations.GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
            return user.UserName ?? userName;
        }

        private static async Task<bool> ExistsAsync(MsConnection connection, string userName, OperationContext context, CancellationToken cancellationToken)
        {
            try
            {
                await MsUserOperations.GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (MailStoreAdminException e) when (e.Kind == ErrorKind.ObjectNotFound)
            {
                return false;
            }
        }

        private static async Task PassThruAsync(MsConnection connection, string userName, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (!passThru) return;
            context.WriteObject(await MsUserOperations.GetUserAsync(connection, userName, context, cancellationToken).ConfigureAwait(false));
        }

        private static string Describe(MsConnection connection, string userName, MsUserChange change) =>
            $"user '{userName}' on {connection.ComputerName}: {string.Join(", ", change.Properties)}";

        private static bool SameList(IEnumerable<string> a, IEnumerable<string> b) =>
            new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b);
    }
}
