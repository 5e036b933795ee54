using System;
using System.Collections.Generic;
using System.Linq;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Checks and encodes user input before anything is sent: privilege lists in the API's spelling (with the rule
    /// that none/admin stand alone), folder access sets, e-mail addresses, and list cells from CSV files.
    /// </summary>
    public static class MsUserInput
    {
        private static readonly char[] ListSeparators = { ',', ';' };

        /// <summary>The API's spelling of an enum member: camelCase (ChangePassword → changePassword).</summary>
        public static string ApiName(Enum value)
        {
            var text = value.ToString();
            return char.ToLowerInvariant(text[0]) + text.Substring(1);
        }

        /// <summary>A privilege list as CreateUser/SetUserPrivileges take it; None or Admin must stand alone.</summary>
        public static string PrivilegeList(IEnumerable<MsUserPrivilege> privileges, string userName) =>
            PrivilegeText(privileges.Select(p => ApiName(p)), userName);

        /// <summary>
        /// The same for privileges as the server spells them (also names this module does not know): duplicates (any
        /// case) dropped, "none" when empty, none/admin refused in company.
        /// </summary>
        public static string PrivilegeText(IEnumerable<string> privileges, string userName)
        {
            var set = new List<string>();
            foreach (var p in privileges)
            {
                if (!set.Contains(p, StringComparer.OrdinalIgnoreCase)) set.Add(p);
            }
            if (set.Count == 0) set.Add("none");
            foreach (var alone in new[] { "none", "admin" })
            {
                if (set.Count > 1 && set.Contains(alone, StringComparer.OrdinalIgnoreCase))
                {
                    throw Invalid("InvalidUserPrivilege",
                        $"The privilege {alone} cannot be combined with others ({string.Join(", ", set)}): MailStore takes it alone.", userName);
                }
            }
            return string.Join(",", set);
        }

        /// <summary>A login privilege list as CreateUser/SetUserLoginPrivileges take it; None must stand alone.</summary>
        public static string LoginPrivilegeList(IEnumerable<MsLoginPrivilege> privileges, string userName)
        {
            var set = privileges.Distinct().ToList();
            if (set.Count == 0) set.Add(MsLoginPrivilege.None);
            if (set.Contains(MsLoginPrivilege.None) && set.Count > 1)
            {
                throw Invalid("InvalidLoginPrivilege",
                    $"The login privilege None cannot be combined with others ({string.Join(", ", set)}).", userName);
            }
            return string.Join(",", set.Select(p => ApiName(p)));
        }

        /// <summary>SetUserPrivilegesOnFolder's privileges: "none" alone, else read,write,delete in that order.</summary>
        public static string AccessText(MsFolderAccess access)
        {
            if (access == MsFolderAccess.None) return "none";
            var parts = new List<string>();
            foreach (MsFolderAccess flag in new[] { MsFolderAccess.Read, MsFolderAccess.Write, MsFolderAccess.Delete })
            {
                if ((access & flag) != 0) parts.Add(ApiName(flag));
            }
            return string.Join(",", parts);
        }

        /// <summary>The access a server list (privilegesOnFolders[].privileges) grants; unknown words grant nothing.</summary>
        public static MsFolderAccess ParseServerAccess(IEnumerable<string> privileges)
        {
            var access = MsFolderAccess.None;
            foreach (var name in privileges)
            {
                if (Enum.TryParse<MsFolderAccess>(name.Trim(), true, out var flag)) access |= flag;
            }
            return access;
        }

        /// <summary>
        /// Access as a person writes it (a CSV cell, a parameter): names separated by commas, semicolons, '+' or
        /// spaces, any case ("Read", "read, write", "Read+Delete"), or a number of the flags. An unknown word is an
        /// error naming the valid ones.
        /// </summary>
        public static MsFolderAccess ParseAccess(object? value, object? target)
        {
            switch (value)
            {
                case null:
                    throw Invalid("InvalidFolderAccess", "An access level is missing. Use None, Read, Write or Delete (combine with commas).", target);
                case MsFolderAccess access:
                    return CheckDefined(access, target);
                case int number:
                    return CheckDefined((MsFolderAccess)number, target);
                case long number:
                    return CheckDefined((MsFolderAccess)number, target);
                case string text:
                    return ParseAccessText(text, target);
                case System.Collections.IEnumerable list:
                    var combined = MsFolderAccess.None;
                    foreach (var item in list) combined |= ParseAccess(item, target);
                    return combined;
                default:
                    return ParseAccessText(value.ToString() ?? string.Empty, target);
            }
        }

        private static MsFolderAccess ParseAccessText(string text, object? target)
        {
            var access = MsFolderAccess.None;
            var words = text.Split(new[] { ',', ';', '+', ' ', '|' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) throw Invalid("InvalidFolderAccess", "An access level is missing. Use None, Read, Write or Delete (combine with commas).", target);
            foreach (var word in words)
            {
                if (!Enum.TryParse<MsFolderAccess>(word, true, out var flag) || !Enum.IsDefined(typeof(MsFolderAccess), flag))
                {
                    throw Invalid("InvalidFolderAccess", $"'{word}' is not a folder access level. Use None, Read, Write or Delete (combine with commas, e.g. 'Read,Write').", target);
                }
                access |= flag;
            }
            return access;
        }

        private static MsFolderAccess CheckDefined(MsFolderAccess access, object? target)
        {
            if (((int)access & ~7) != 0) throw Invalid("InvalidFolderAccess", $"{(int)access} is not a folder access level. Use None, Read, Write or Delete.", target);
            return access;
        }

        /// <summary>
        /// E-mail addresses from parameters or CSV cells: each entry may hold several separated by ',' or ';'. Every
        /// address must be one (local@domain, no display name, no spaces); duplicates (any case) are dropped.
        /// </summary>
        public static IReadOnlyList<string> EmailAddresses(IEnumerable<string?>? entries, string userName)
        {
            var result = new List<string>();
            foreach (var entry in entries ?? Enumerable.Empty<string?>())
            {
                foreach (var part in (entry ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
                {
                    var address = part.Trim();
                    if (address.Length == 0) continue;
                    if (!IsEmailAddress(address))
                    {
                        throw Invalid("InvalidEmailAddress", $"'{address}' is not an e-mail address (expected name@domain).", userName);
                    }
                    if (!result.Contains(address, StringComparer.OrdinalIgnoreCase)) result.Add(address);
                }
            }
            return result;
        }

        public static bool IsEmailAddress(string text)
        {
            var at = text.LastIndexOf('@');
            if (at <= 0 || at == text.Length - 1 || text.IndexOf('@') != at) return false;
            if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '<' || c == '>' || c == '"' || c == ',' || c == ';')) return false;
            var domain = text.Substring(at + 1);
            return domain.Contains('.') && !domain.StartsWith(".", StringComparison.Ordinal) && !domain.EndsWith(".", StringComparison.Ordinal)
                && !domain.Contains("..");
        }

        /// <summary>A user name or folder path that is about to be sent: not empty, no control characters.</summary>
        public static string Name(string? value, string what)
        {
            var text = value?.Trim() ?? string.Empty;
            if (text.Length == 0) throw Invalid("InvalidName", $"The {what} is empty.", value);
            if (text.Any(char.IsControl)) throw Invalid("InvalidName", $"The {what} '{text}' contains control characters.", value);
            return text;
        }

        public static MailStoreAdminException Invalid(string errorId, string message, object? target) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message, target);
    }
}
