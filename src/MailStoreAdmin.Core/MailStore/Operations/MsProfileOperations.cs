using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Archiving profiles: list, run, schedule on the server, create, delete.</summary>
    public static class MsProfileOperations
    {
        /// <summary>The keys SetProfileServerSideExecution takes.</summary>
        private static readonly string[] ExecutionKeys = { "automatic", "automaticPauseBetweenExecutions", "automaticMaintenanceWindows" };

        /// <summary>Every profile (GetProfiles; the server only supports raw=true).</summary>
        public static async Task<List<MsProfile>> ListProfilesAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var profiles = new List<MsProfile>();
            await connection.InvokeAsync("GetProfiles", MsUserOperations.Args("raw", true),
                item => profiles.Add(MsProfile.Read(item, connection.ComputerName)), context, cancellationToken).ConfigureAwait(false);
            return profiles;
        }

        /// <summary>Get-MsProfile: by name pattern and/or ids; an id or exact name that matches nothing is an error record.</summary>
        public static async Task GetProfilesAsync(MsConnection connection, string? name, IReadOnlyCollection<int>? ids, OperationContext context,
            CancellationToken cancellationToken)
        {
            var profiles = await ListProfilesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            var filter = string.IsNullOrEmpty(name) ? null : new Wildcard(name!);
            var found = 0;
            foreach (var profile in profiles)
            {
                if (filter != null && !filter.IsMatch(profile.Name)) continue;
                if (ids != null && ids.Count > 0 && !ids.Contains(profile.Id)) continue;
                found++;
                context.WriteObject(profile);
            }
            foreach (var id in ids ?? Array.Empty<int>())
            {
                if (profiles.All(p => p.Id != id)) context.WriteError(NotFound(connection, id));
            }
            if (filter != null && !filter.IsPattern && found == 0)
            {
                context.WriteError(new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreProfileNotFound",
                    $"There is no profile named '{filter.Literal}' on {connection.ComputerName}.", filter.Literal));
            }
        }

        /// <summary>The profile with this id, or an ObjectNotFound error (nothing else is sent).</summary>
        public static async Task<MsProfile> RequireProfileAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var profiles = await ListProfilesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            return profiles.FirstOrDefault(p => p.Id == id) ?? throw NotFound(connection, id);
        }

        public static MailStoreAdminException NotFound(MsConnection connection, int id) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreProfileNotFound",
                $"There is no profile with id {id} on {connection.ComputerName}. Get-MsProfile lists the profiles.", id);

        /// <summary>Start-MsProfile: RunProfile as a task (progress, Ctrl+C cancels it, -NoWait); an unknown id is refused first.</summary>
        public static async Task RunProfileAsync(MsConnection connection, int id, bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            var profile = await RequireProfileAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            var request = new MsTaskRequest("RunProfile", MsUserOperations.Args("id", id), id)
            {
                Change = ("Run", $"profile {id} '{profile.Name}' on {connection}"),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Set-MsProfile: server-side execution. The given keys are merged over the profile's current settings (read
        /// first), so a key left out keeps its value; unknown keys are refused before anything is sent.
        /// </summary>
        public static async Task SetServerSideExecutionAsync(MsConnection connection, int id, IDictionary settings, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var given = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in settings)
            {
                var key = ExecutionKeys.FirstOrDefault(k => string.Equals(k, entry.Key?.ToString(), StringComparison.OrdinalIgnoreCase));
                if (key == null)
                {
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "ProfileExecutionSettingUnknown",
                        $"'{entry.Key}' is not a server-side execution setting. Use {string.Join(", ", ExecutionKeys)}.", entry.Key);
                }
                given[key] = entry.Value;
            }
            var profile = await RequireProfileAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            var arguments = new List<KeyValuePair<string, object?>> { new KeyValuePair<string, object?>("id", id) };
            foreach (var key in ExecutionKeys)
            {
                var value = given.TryGetValue(key, out var v) ? v : profile.ServerSideExecutionSettings?[key];
                if (key == "automatic") value ??= profile.ServerSideExecution;
                // Unset optional values are omitted: the server refuses 0 or "" for them.
                if (value != null && !(value is string s && s.Length == 0)) arguments.Add(new KeyValuePair<string, object?>(key, value));
            }
            connection.Check("SetProfileServerSideExecution", arguments);
            var change = string.Join(", ", given.Select(g => $"{g.Key}={g.Value}"));
            if (!context.ShouldProcess($"profile {id} '{profile.Name}' on {connection}", $"Set server-side execution ({change})")) return;
            await connection.InvokeAsync("SetProfileServerSideExecution", arguments, null, context, cancellationToken, id).ConfigureAwait(false);
            if (passThru) context.WriteObject(await RequireProfileAsync(connection, id, context, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>Remove-MsProfile: DeleteProfile after checking the profile exists.</summary>
        public static async Task RemoveProfileAsync(MsConnection connection, int id, OperationContext context, CancellationToken cancellationToken)
        {
            var profile = await RequireProfileAsync(connection, id, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"profile {id} '{profile.Name}' on {connection}", "Delete")) return;
            await connection.InvokeAsync("DeleteProfile", MsUserOperations.Args("id", id), null, context, cancellationToken, id).ConfigureAwait(false);
        }

        /// <summary>New-MsProfile: CreateProfile with the raw properties; writes the new profile as the server lists it.</summary>
        public static async Task NewProfileAsync(MsConnection connection, object? properties, OperationContext context, CancellationToken cancellationToken)
        {
            var (arguments, name) = RawProperties("CreateProfile", connection, properties);
            var before = await ListProfilesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (!context.ShouldProcess($"profile '{name}' on {connection}", "Create")) return;
            await connection.InvokeAsync("CreateProfile", arguments, null, context, cancellationToken, name).ConfigureAwait(false);
            var after = await ListProfilesAsync(connection, context, cancellationToken).ConfigureAwait(false);
            foreach (var profile in after.Where(p => before.All(b => b.Id != p.Id))) context.WriteObject(profile);
        }

        /// <summary>Start-MsTemporaryProfile: RunTemporaryProfile as a task; nothing is saved on the server.</summary>
        public static Task RunTemporaryProfileAsync(MsConnection connection, object? properties, bool noWait, OperationContext context,
            CancellationToken cancellationToken)
        {
            var (arguments, name) = RawProperties("RunTemporaryProfile", connection, properties);
            var request = new MsTaskRequest("RunTemporaryProfile", arguments, name) { Change = ("Run", $"temporary profile '{name}' on {connection}") };
            return MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken);
        }

        /// <summary>The properties argument (raw=true): a dictionary or JSON object text, checked before anything is sent.</summary>
        private static (List<KeyValuePair<string, object?>> Arguments, string Name) RawProperties(string function, MsConnection connection, object? properties)
        {
            var plain = properties is string text ? ParseObject(text) : properties as IDictionary;
            if (plain == null)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "ProfilePropertiesInvalid",
                    "The profile properties must be a hashtable or a JSON object text, such as the Details of a profile from Get-MsProfile.", Errors.SecretSafe.Target(properties));
            }
            var name = plain.Keys.Cast<object>().Select(k => k.ToString()).FirstOrDefault(k => string.Equals(k, "name", StringComparison.OrdinalIgnoreCase));
            var arguments = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("properties", plain),
                new KeyValuePair<string, object?>("raw", true),
            };
            connection.Check(function, arguments);
            return (arguments, name == null ? "(unnamed)" : plain[name]?.ToString() ?? "(unnamed)");
        }

        private static IDictionary? ParseObject(string text)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(text);
                return JsonPlain.ToPlain(document.RootElement) as IDictionary;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
