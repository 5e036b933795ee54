using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>One configuration the server keeps as a whole: its Get and Set functions and the type name of its view.</summary>
    public sealed class MsConfigurationKind
    {
        public MsConfigurationKind(string getFunction, string setFunction, string typeName, string description)
        {
            GetFunction = getFunction;
            SetFunction = setFunction;
            TypeName = typeName;
            Description = description;
        }

        public string GetFunction { get; }
        public string SetFunction { get; }
        public string TypeName { get; }

        /// <summary>What it is called in messages ("compliance configuration").</summary>
        public string Description { get; }
    }

    /// <summary>
    /// Read-modify-write of a configuration the server only reads and writes whole (compliance, store auto-create,
    /// retention policies): the object read from the server goes back with only the requested properties changed,
    /// so properties this module does not know survive.
    /// </summary>
    public static class MsConfigurationOperations
    {
        /// <summary>Get-Ms...Configuration: the configuration as a plain object carrying every property.</summary>
        public static async Task GetAsync(MsConnection connection, MsConfigurationKind kind, OperationContext context, CancellationToken cancellationToken)
        {
            var configuration = await ReadObjectAsync(connection, kind, context, cancellationToken).ConfigureAwait(false);
            context.WriteObject(configuration);
        }

        /// <summary>The configuration's raw result: an object, or a list for settings kept as a list.</summary>
        internal static async Task<object?> ReadAsync(MsConnection connection, string function, OperationContext context, CancellationToken cancellationToken)
        {
            var items = new List<object?>();
            await connection.InvokeAsync(function, null, item => items.Add(JsonPlain.ToPlain(item)), context, cancellationToken)
                .ConfigureAwait(false);
            // An array result arrives item by item; a single object as one item.
            return items.Count == 1 && items[0] is PlainObject ? items[0] : items.ToArray();
        }

        internal static async Task<PlainObject> ReadObjectAsync(MsConnection connection, MsConfigurationKind kind, OperationContext context,
            CancellationToken cancellationToken)
        {
            var read = await ReadAsync(connection, kind.GetFunction, context, cancellationToken).ConfigureAwait(false);
            if (!(read is PlainObject configuration))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidResult, "UnexpectedResultShape",
                    $"{kind.GetFunction} on {connection.ComputerName} did not return a {kind.Description} object.", kind.GetFunction);
            }
            configuration.TypeName = kind.TypeName;
            return configuration;
        }

        /// <summary>
        /// Set-Ms...Configuration, Enable/Disable-MsLegalHold: reads the configuration, applies
        /// <paramref name="changes"/> (only keys it already has), asks once with the list of changes, and writes it
        /// back. Nothing changes: nothing is sent.
        /// </summary>
        public static async Task EditAsync(MsConnection connection, MsConfigurationKind kind, IDictionary changes, string action, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (changes == null || changes.Count == 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "ConfigurationChangeMissing",
                    $"No property of the {kind.Description} was given to change.", kind.Description);
            }
            var configuration = await ReadObjectAsync(connection, kind, context, cancellationToken).ConfigureAwait(false);
            var described = Apply(configuration, changes, kind.Description, addMissing: false);
            if (described.Count == 0)
            {
                context.Log(LogLevel.Verbose, $"The {kind.Description} on {connection} already has these values; nothing is sent.");
            }
            else
            {
                if (!context.ShouldProcess($"{kind.Description} on {connection} ({string.Join("; ", described)})", action)) return;
                await WriteAsync(connection, kind.SetFunction, configuration, context, cancellationToken).ConfigureAwait(false);
            }
            if (passThru) await GetAsync(connection, kind, context, cancellationToken).ConfigureAwait(false);
        }

        internal static Task WriteAsync(MsConnection connection, string function, object configuration, OperationContext context,
            CancellationToken cancellationToken) =>
            connection.InvokeAsync(function, MsUserOperations.Args("config", configuration), null, context, cancellationToken);

        /// <summary>
        /// Sets each key of <paramref name="changes"/> on <paramref name="target"/>, matching the server's spelling
        /// case-insensitively. A key the target does not have is refused (a typo would otherwise be sent and ignored),
        /// unless <paramref name="addMissing"/>. Returns "key: old -> new" for each value that really changes; secret
        /// values are masked.
        /// </summary>
        internal static List<string> Apply(PlainObject target, IDictionary changes, string description, bool addMissing)
        {
            var described = new List<string>();
            foreach (DictionaryEntry change in changes)
            {
                var requested = Convert.ToString(change.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var key = target.Keys.Cast<string>().FirstOrDefault(k => string.Equals(k, requested, StringComparison.OrdinalIgnoreCase));
                if (key == null && !addMissing)
                {
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "ConfigurationPropertyUnknown",
                        $"The {description} has no property '{requested}'. Its properties are: {string.Join(", ", target.Keys.Cast<string>())}.",
                        requested, recommendedAction: "Use one of the property names the server returns (Get-* shows them).");
                }
                key ??= requested;
                var old = target.Contains(key) ? target[key] : null;
                var value = change.Value;
                if (target.Contains(key) && Show(old) == Show(value) && SameKind(old, value)) continue;
                target[key] = value;
                described.Add(Redactor.IsSecretName(key) ? $"{key}: {Redactor.Mask}" : $"{key}: {Describe(old)} -> {Describe(value)}");
            }
            return described;
        }

        private static bool SameKind(object? a, object? b) => a?.GetType() == b?.GetType() || a is IEnumerable && b is IEnumerable && !(a is string) && !(b is string);

        /// <summary>
        /// A value as -WhatIf and messages show it: like <see cref="Show"/>, but secret-named properties nested in an
        /// object (a mail server's password inside a compliance setting) are masked. Comparisons use Show, which must
        /// still tell two different secrets apart.
        /// </summary>
        private static string Describe(object? value) =>
            value is IDictionary || value is IEnumerable list && !(value is string) && list.Cast<object?>().Any(item => item is IDictionary)
                ? Redactor.RedactJsonText(JsonValueWriter.Serialize(value))
                : Show(value);

        /// <summary>A value as messages show it: lists comma-joined, null as (null).</summary>
        internal static string Show(object? value)
        {
            switch (value)
            {
                case null:
                    return "(null)";
                case string s:
                    return "'" + s + "'";
                case bool b:
                    return b ? "True" : "False";
                case IDictionary _:
                    return JsonValueWriter.Serialize(value);
                case IEnumerable list:
                    return "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]";
                default:
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }
}
