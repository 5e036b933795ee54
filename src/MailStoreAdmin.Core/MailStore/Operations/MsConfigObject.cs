using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// The configuration objects of the SPE functions (instances, hosts, client access servers, administrators, SMTP
    /// settings), whose full shape is not documented: read as plain objects, changed property by property, and sent back
    /// whole, so properties this module does not know survive a Set (read-modify-write).
    /// </summary>
    public static class MsConfigObject
    {
        /// <summary>Reads a function's result items as plain objects with a view type name.</summary>
        public static async Task<List<PlainObject>> ReadAllAsync(MsConnection connection, string function,
            IEnumerable<KeyValuePair<string, object?>>? arguments, string typeName, OperationContext context, CancellationToken cancellationToken)
        {
            var items = new List<PlainObject>();
            await connection.InvokeAsync(function, arguments, item =>
            {
                if (JsonPlain.ToPlain(item) is PlainObject plain)
                {
                    plain.TypeName = typeName;
                    items.Add(plain);
                }
            }, context, cancellationToken).ConfigureAwait(false);
            return items;
        }

        /// <summary>The items whose <paramref name="key"/> matches a pattern (all when none); an exact name that matches nothing is an error record.</summary>
        public static IEnumerable<PlainObject> Filter(IReadOnlyList<PlainObject> items, string key, string? pattern,
            Func<string, MailStoreAdminException> notFound, OperationContext context)
        {
            if (string.IsNullOrEmpty(pattern)) return items;
            var filter = new Wildcard(pattern!);
            var matches = items.Where(i => filter.IsMatch(Text(i, key))).ToList();
            if (matches.Count == 0 && !filter.IsPattern) context.WriteError(notFound(filter.Literal));
            return matches;
        }

        /// <summary>The one item named <paramref name="name"/> (case-insensitively), or the not-found error.</summary>
        public static PlainObject Single(IReadOnlyList<PlainObject> items, string key, string name, Func<string, MailStoreAdminException> notFound) =>
            items.FirstOrDefault(i => string.Equals(Text(i, key), name, StringComparison.OrdinalIgnoreCase)) ?? throw notFound(name);

        public static string? Text(PlainObject item, string key)
        {
            var found = Find(item, key);
            return found == null ? null : Convert.ToString(item[found], CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The Set of a read-modify-write: refuses an empty change list before anything is read, reads the object
        /// (<paramref name="read"/>), applies the changes, and when anything differs asks once ("what (key: old -> new)",
        /// Set) and sends the whole object as <c>config</c> to <paramref name="function"/>. Returns the object as sent
        /// (or as read, when nothing differed and nothing was sent; then <paramref name="unchangedLog"/>, if any, is
        /// logged), or null when the change was declined.
        /// </summary>
        public static async Task<PlainObject?> ReadModifyWriteAsync(MsConnection connection, IEnumerable<KeyValuePair<string, object?>> changes,
            Func<Task<PlainObject>> read, string what, string function, string? target, OperationContext context, CancellationToken cancellationToken,
            string? unchangedLog = null)
        {
            var list = changes.ToList();
            if (list.Count == 0) throw new MailStoreAdminException(ErrorKind.InvalidArgument, "NoConfigurationChange", "No setting to change was given.", target);
            var config = await read().ConfigureAwait(false);
            var described = Apply(config, list);
            if (described.Count == 0)
            {
                if (unchangedLog != null) context.Log(LogLevel.Verbose, unchangedLog);
                return config;
            }
            if (!context.ShouldProcess($"{what} ({string.Join("; ", described)})", "Set")) return null;
            await connection.InvokeAsync(function, MsUserOperations.Args("config", config), null, context, cancellationToken, target).ConfigureAwait(false);
            return config;
        }

        /// <summary>
        /// Applies changes (nested keys as "a.b"), keeping the server's spelling of existing keys and every other
        /// property; returns "key: old -> new" lines for -WhatIf (secret-named keys masked).
        /// </summary>
        public static List<string> Apply(PlainObject target, IEnumerable<KeyValuePair<string, object?>> changes)
        {
            var described = new List<string>();
            foreach (var change in changes)
            {
                var path = change.Key.Split('.');
                var node = target;
                for (int i = 0; i < path.Length - 1; i++)
                {
                    var existing = Find(node, path[i]);
                    if (existing == null || !(node[existing] is PlainObject child))
                    {
                        child = new PlainObject();
                        node[existing ?? path[i]] = child;
                    }
                    node = child;
                }
                var key = Find(node, path[path.Length - 1]) ?? path[path.Length - 1];
                var old = node.Contains(key) ? node[key] : null;
                node[key] = change.Value;
                var secret = Http.Redactor.IsSecretName(key);
                if (!secret && Equals(Show(old), Show(change.Value))) continue;
                described.Add(secret ? $"{change.Key}: (new value)" : $"{change.Key}: {Show(old)} -> {Show(change.Value)}");
            }
            return described;
        }

        private static string Show(object? value) => value == null ? "(none)" : value is string s ? "'" + s + "'"
            : value is bool b ? (b ? "true" : "false") : value is IEnumerable list && !(value is IDictionary)
                ? "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]"
                : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        private static string? Find(PlainObject item, string key) =>
            item.Keys.Cast<string>().FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));

        /// <summary>Changes that were given (null values mean "not given" and are dropped).</summary>
        public static List<KeyValuePair<string, object?>> Given(params (string Key, object? Value)[] values) =>
            values.Where(v => v.Value != null).Select(v => new KeyValuePair<string, object?>(v.Key, v.Value)).ToList();

        /// <summary>A text argument that must not be empty, before anything is sent.</summary>
        public static void RequireText(string? value, string what, string errorId)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, $"{what} must not be empty.", value);
            }
        }
    }
}
