using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Store changes that finish at once: create, attach, rename, requested state, properties, detach, unlock. Each
    /// checks its input and the store first, asks once, sends, and (where asked) writes the store as it is afterwards.
    /// </summary>
    public static class MsStoreChangeOperations
    {
        /// <summary>The name pattern of a yearly store when none is given: "Archive 2027".</summary>
        public const string DefaultYearlyPattern = "Archive {0}";

        /// <summary>The name of the store of one year: <paramref name="pattern"/> with {0} replaced by the year.</summary>
        public static string YearlyStoreName(string? pattern, int year)
        {
            if (year < 1900 || year > 9999) throw Invalid("StoreYearInvalid", $"{year} is not a year a store can be named after (1900-9999).", year);
            pattern = string.IsNullOrEmpty(pattern) ? DefaultYearlyPattern : pattern!;
            if (!pattern.Contains("{0}"))
            {
                throw Invalid("StoreNamePatternInvalid", $"The name pattern '{pattern}' has no {{0}} where the year goes, for example 'Archive {{0}}'.", pattern);
            }
            return pattern.Replace("{0}", year.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>New-MsStore (CreateStore) and Mount-MsStore (AttachStore): writes the store the server then lists.</summary>
        public static async Task AddStoreAsync(MsConnection connection, string name, MsStoreLocation? location, MsStoreState? state, bool attach,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(name)) throw Invalid("StoreNameMissing", "A store needs a name.", name);
            if (attach && location?.Type == null) throw Invalid("StoreTypeMissing", "Attaching a store needs its type (FileSystemInternal, SQLServer or PostgreSQL).", name);
            if (attach && location?.DatabasePath == null && location?.ServerName == null)
            {
                throw Invalid("StoreLocationMissing", "Attaching a store needs where it is: a database path, or a database server.", name);
            }
            var stores = await MsStoreOperations.ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (stores.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreStoreExists",
                    $"There is already a store named '{name}' on {connection.ComputerName}.", name, recommendedAction: "Choose another name, or use the existing store.");
            }
            var arguments = LocationArguments(location);
            arguments.Insert(0, Arg("name", name));
            if (state != null) arguments.Add(Arg("requestedState", StateText(state.Value)));
            var where = location?.DatabasePath ?? location?.ServerName;
            var what = $"store '{name}'{(where == null ? string.Empty : " at " + where)} on {connection}";
            if (!context.ShouldProcess(what, attach ? "Attach" : "Create")) return;
            await connection.InvokeAsync(attach ? "AttachStore" : "CreateStore", arguments, null, context, cancellationToken, name).ConfigureAwait(false);
            await WriteStoreAsync(connection, s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase), context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Rename-MsStore.</summary>
        public static async Task RenameStoreAsync(MsConnection connection, int id, string newName, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(newName)) throw Invalid("StoreNameMissing", "A store needs a name.", newName);
            var stores = await MsStoreOperations.ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var store = MsStoreOperations.Find(stores, id, connection);
            if (stores.Any(s => s.Id != id && string.Equals(s.Name, newName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreStoreExists",
                    $"There is already a store named '{newName}' on {connection.ComputerName}.", newName);
            }
            if (!context.ShouldProcess(MsStoreOperations.Describe(store, connection), $"Rename to '{newName}'")) return;
            await connection.InvokeAsync("RenameStore", new[] { Arg("id", id), Arg("name", newName) }, null, context, cancellationToken, id)
                .ConfigureAwait(false);
            if (passThru) await WriteStoreAsync(connection, s => s.Id == id, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Set-MsStore: the requested state and/or the location, each with its own function, one question.</summary>
        public static async Task SetStoreAsync(MsConnection connection, int id, MsStoreState? state, MsStoreLocation? location, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            if (state == null && (location == null || location.IsEmpty))
            {
                throw Invalid("StoreChangeMissing", "Nothing to change: give a requested state or a store property.", id);
            }
            var store = await MsStoreOperations.GetStoreAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            var changes = new List<string>();
            if (state != null) changes.Add($"requested state {store.RequestedState} -> {StateText(state.Value)}");
            var properties = LocationArguments(location);
            // Names only: a database password never appears in the question.
            if (properties.Count > 0) changes.Add("properties " + string.Join(", ", properties.Select(p => p.Key)));
            if (!context.ShouldProcess($"{MsStoreOperations.Describe(store, connection)} ({string.Join("; ", changes)})", "Set")) return;
            if (state != null)
            {
                await connection.InvokeAsync("SetStoreRequestedState", new[] { Arg("id", id), Arg("requestedState", StateText(state.Value)) }, null,
                    context, cancellationToken, id).ConfigureAwait(false);
            }
            if (properties.Count > 0)
            {
                properties.Insert(0, Arg("id", id));
                await connection.InvokeAsync("SetStoreProperties", properties, null, context, cancellationToken, id).ConfigureAwait(false);
            }
            if (passThru) await WriteStoreAsync(connection, s => s.Id == id, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Dismount-MsStore (DetachStore): the store's data stays where it is; it can be attached again.</summary>
        public static Task DismountStoreAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken) =>
            ChangeStoreAsync(connection, id, "Detach", "DetachStore", null, false, context, cancellationToken);

        /// <summary>Unlock-MsStore (UnlockStore); the passphrase is a secret argument, never shown.</summary>
        public static Task UnlockStoreAsync(MsConnection connection, int id, string passphrase, bool passThru, OperationContext context,
            CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(passphrase)) throw Invalid("StorePassphraseMissing", "Unlocking a store needs its passphrase.", id);
            return ChangeStoreAsync(connection, id, "Unlock", "UnlockStore", new[] { Arg("passphrase", passphrase) }, passThru, context, cancellationToken);
        }

        private static async Task ChangeStoreAsync(MsConnection connection, int id, string action, string function,
            IEnumerable<KeyValuePair<string, object?>>? more, bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            var store = await MsStoreOperations.GetStoreAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess(MsStoreOperations.Describe(store, connection), action)) return;
            var arguments = new List<KeyValuePair<string, object?>> { Arg("id", id) };
            if (more != null) arguments.AddRange(more);
            await connection.InvokeAsync(function, arguments, null, context, cancellationToken, id).ConfigureAwait(false);
            if (passThru) await WriteStoreAsync(connection, s => s.Id == id, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Writes the store the server lists after a change (the highest id when a name was reused).</summary>
        private static async Task WriteStoreAsync(MsConnection connection, Func<MsStore, bool> which, OperationContext context, CancellationToken cancellationToken)
        {
            var stores = await MsStoreOperations.ReadStoresAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var store = stores.Where(which).OrderBy(s => s.Id).LastOrDefault();
            if (store != null) context.WriteObject(store);
            else context.Log(LogLevel.Warning, $"{connection} does not list the store after the change.");
        }

        /// <summary>The API spelling of a state (camelCase); an undefined value is refused before anything is sent.</summary>
        public static string StateText(MsStoreState state)
        {
            switch (state)
            {
                case MsStoreState.Normal: return "normal";
                case MsStoreState.WriteProtected: return "writeProtected";
                case MsStoreState.Disabled: return "disabled";
                default:
                    throw Invalid("StoreStateInvalid", $"'{state}' is not a store state. Use Normal, WriteProtected or Disabled.", state);
            }
        }

        private static List<KeyValuePair<string, object?>> LocationArguments(MsStoreLocation? location)
        {
            var arguments = new List<KeyValuePair<string, object?>>();
            if (location == null) return arguments;
            void Add(string name, object? value)
            {
                if (value != null) arguments.Add(Arg(name, value));
            }
            Add("type", location.Type?.ToString());
            Add("databasePath", location.DatabasePath);
            Add("contentPath", location.ContentPath);
            Add("indexPath", location.IndexPath);
            Add("serverName", location.ServerName);
            Add("databaseName", location.DatabaseName);
            Add("userName", location.UserName);
            Add("password", location.Password);
            return arguments;
        }

        internal static KeyValuePair<string, object?> Arg(string name, object? value) => new KeyValuePair<string, object?>(name, value);

        internal static MailStoreAdminException Invalid(string errorId, string message, object? target) =>
            new MailStoreAdminException(ErrorKind.InvalidArgument, errorId, message, target);
    }
}
