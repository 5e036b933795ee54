using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>What Start-/Stop-/Restart-/Suspend-/Resume-/Remove-MsInstance ask the management server to do.</summary>
    public enum MsInstanceAction
    {
        Start,
        Stop,
        Restart,
        Freeze,
        Thaw,
        Delete,
    }

    /// <summary>SPE instances: list, statistics, create, configure, and state changes as tasks.</summary>
    public static class MsInstanceOperations
    {
        public const string ConfigurationTypeName = "MailStoreAdmin.MsInstanceConfiguration";
        private const int StatisticsLookups = 8;
        private static readonly Regex ValidId = new Regex("^[A-Za-z0-9][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant);

        /// <summary>Every instance (GetInstances with the filter "*"), in server order.</summary>
        public static async Task<List<MsInstance>> ListAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var instances = new List<MsInstance>();
            await connection.InvokeAsync("GetInstances", Args("instanceFilter", "*"), item =>
            {
                var instance = MsJson.Read(item, SpeJsonContext.Default.MsInstance);
                instance.ComputerName = connection.ComputerName;
                instances.Add(instance);
            }, context, cancellationToken).ConfigureAwait(false);
            return instances;
        }

        /// <summary>
        /// Get-MsInstance: instances whose id matches one of the patterns (all without), an exact id that matches nothing
        /// an error record. With statistics, each is completed by GetInstanceStatistics and, when running,
        /// GetInstanceProcessLiveStatistics, several at a time, in list order.
        /// </summary>
        public static async Task GetInstancesAsync(MsConnection connection, IReadOnlyList<string>? ids, bool includeStatistics,
            OperationContext context, CancellationToken cancellationToken)
        {
            var selected = Select(await ListAsync(connection, context, cancellationToken).ConfigureAwait(false), ids, context);
            if (!includeStatistics)
            {
                foreach (var instance in selected) context.WriteObject(instance);
                return;
            }
            await OrderedLookups<MsInstance, MsInstance>.ForEachAsync(selected, StatisticsLookups,
                instance => AddStatisticsAsync(connection, instance, context, cancellationToken), context.WriteObject, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<MsInstance> AddStatisticsAsync(MsConnection connection, MsInstance instance, OperationContext context,
            CancellationToken cancellationToken)
        {
            var arguments = Args(MsApiArgument.InstanceIdName, instance.InstanceId);
            try
            {
                await connection.InvokeAsync("GetInstanceStatistics", arguments,
                    item => instance.Statistics = MsJson.Read(item, SpeJsonContext.Default.MsInstanceStatistics), context, cancellationToken, instance.InstanceId)
                    .ConfigureAwait(false);
                if (string.Equals(instance.Status, "running", StringComparison.OrdinalIgnoreCase))
                {
                    await connection.InvokeAsync("GetInstanceProcessLiveStatistics", arguments,
                        item => instance.Process = MsJson.Read(item, SpeJsonContext.Default.MsInstanceProcessStatistics), context, cancellationToken,
                        instance.InstanceId).ConfigureAwait(false);
                }
            }
            catch (MailStoreAdminException e)
            {
                // The instance is still listed; only its figures are missing.
                context.WriteError(MsInstanceScope.Tag(e, instance.InstanceId ?? "?"));
            }
            return instance;
        }

        private static List<MsInstance> Select(List<MsInstance> instances, IReadOnlyList<string>? ids, OperationContext context)
        {
            if (ids == null || ids.Count == 0) return instances;
            var filters = ids.Select(id => new Wildcard(id)).ToList();
            foreach (var filter in filters.Where(f => !f.IsPattern && !instances.Any(i => f.IsMatch(i.InstanceId))))
            {
                context.WriteError(NotFound(filter.Literal));
            }
            return instances.Where(i => filters.Any(f => f.IsMatch(i.InstanceId))).ToList();
        }

        /// <summary>
        /// Start/Stop/Restart/Freeze/Thaw/Delete: resolves ids and wildcards against the instance list (unknown ids are
        /// error records), asks once for all of them, and sends ONE call with the comma-separated list as instanceFilter,
        /// run as a task (progress, Ctrl+C cancels it, -NoWait). With <paramref name="passThru"/>, writes the instances
        /// as they are afterwards (not for Delete).
        /// </summary>
        public static async Task ChangeStateAsync(MsConnection connection, IReadOnlyList<string> ids, MsInstanceAction action, bool noWait,
            bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            if (ids.Count == 0) return;
            foreach (var id in ids) ValidatePattern(id);
            var targets = Select(await ListAsync(connection, context, cancellationToken).ConfigureAwait(false), ids, context)
                .Select(i => i.InstanceId!).ToList();
            if (targets.Count == 0)
            {
                context.Log(LogLevel.Verbose, "No instance to change.");
                return;
            }
            var list = string.Join(",", targets);
            var request = new MsTaskRequest(FunctionOf(action), Args("instanceFilter", list), targets.Count == 1 ? targets[0] : $"{targets.Count} instances")
            {
                Change = (VerbOf(action), $"instance(s) {string.Join(", ", targets)} on {connection}"),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
            if (passThru && !noWait && action != MsInstanceAction.Delete)
            {
                await GetInstancesAsync(connection, targets, false, context, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// New-MsInstance: CreateInstance as a task. The id must be new (checked before anything is sent); the
        /// configuration holds the given settings plus any extra properties. Writes the new instance when done.
        /// </summary>
        public static async Task NewInstanceAsync(MsConnection connection, string id, string instanceHost, IEnumerable<KeyValuePair<string, object?>> settings,
            bool noWait, OperationContext context, CancellationToken cancellationToken)
        {
            ValidateId(id);
            MsConfigObject.RequireText(instanceHost, "The instance host", "InvalidInstanceHost");
            var existing = await ListAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (existing.Any(i => string.Equals(i.InstanceId, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreInstanceExists",
                    $"Instance '{id}' already exists on {connection}.", id);
            }
            var hosts = await MsSpeServerOperations.ListAsync(connection, MsSpeServerKind.InstanceHost, false, context, cancellationToken).ConfigureAwait(false);
            var host = MsConfigObject.Single(hosts, "serverName", instanceHost, MsSpeServerKind.InstanceHost.NotFound);
            instanceHost = MsConfigObject.Text(host, "serverName")!;
            var config = new PlainObject { ["instanceID"] = id, ["instanceHost"] = instanceHost };
            MsConfigObject.Apply(config, settings);
            var request = new MsTaskRequest("CreateInstance", Args("config", config), id)
            {
                Change = ("Create instance", $"'{id}' on host '{instanceHost}' ({connection})"),
            };
            await MsTaskOperations.RunAsync(connection, request, noWait, context, cancellationToken).ConfigureAwait(false);
            if (!noWait) await GetInstancesAsync(connection, new[] { id }, false, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Get-MsInstanceConfiguration: the scoped connection's instance (instanceID filled in by the scope).</summary>
        public static async Task GetConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            context.WriteObject(await ReadConfigurationAsync(connection, context, cancellationToken).ConfigureAwait(false));
        }

        private static async Task<PlainObject> ReadConfigurationAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var items = await MsConfigObject.ReadAllAsync(connection, "GetInstanceConfiguration", null, ConfigurationTypeName, context, cancellationToken)
                .ConfigureAwait(false);
            return items.FirstOrDefault() ?? throw NotFound(connection.InstanceId ?? "?");
        }

        /// <summary>
        /// Set-MsInstanceConfiguration: read-modify-write of the scoped instance's configuration; every property the
        /// change does not name (also ones this module does not know) is sent back as read. Nothing is sent when nothing
        /// changes.
        /// </summary>
        public static async Task SetConfigurationAsync(MsConnection connection, IEnumerable<KeyValuePair<string, object?>> changes, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            var configuration = await MsConfigObject.ReadModifyWriteAsync(connection, changes, () => ReadConfigurationAsync(connection, context, cancellationToken),
                $"configuration of instance '{connection.InstanceId}'", "SetInstanceConfiguration", connection.InstanceId, context, cancellationToken,
                "The configuration already has these values; nothing sent.").ConfigureAwait(false);
            if (configuration != null && passThru) context.WriteObject(configuration);
        }

        private static void ValidatePattern(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || id.IndexOf(',') >= 0)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidInstanceId",
                    $"'{id}' is not an instance id: ids are not empty and hold no commas. Get-MsInstance lists them.", id);
            }
        }

        private static void ValidateId(string id)
        {
            if (string.IsNullOrEmpty(id) || !ValidId.IsMatch(id))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "InvalidInstanceId",
                    $"'{id}' is not a valid new instance id: use letters, digits, '-' and '_', starting with a letter or digit.", id);
            }
        }

        public static MailStoreAdminException NotFound(string id) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, "MailStoreInstanceNotFound", $"There is no instance '{id}'.", id);

        private static string FunctionOf(MsInstanceAction action) => action switch
        {
            MsInstanceAction.Start => "StartInstances",
            MsInstanceAction.Stop => "StopInstances",
            MsInstanceAction.Restart => "RestartInstances",
            MsInstanceAction.Freeze => "FreezeInstances",
            MsInstanceAction.Thaw => "ThawInstances",
            _ => "DeleteInstances",
        };

        private static string VerbOf(MsInstanceAction action) => action switch
        {
            MsInstanceAction.Freeze => "Freeze",
            MsInstanceAction.Thaw => "Thaw",
            MsInstanceAction.Delete => "Delete (irreversibly)",
            _ => action.ToString(),
        };

        internal static KeyValuePair<string, object?>[] Args(string name, object? value) => MsUserOperations.Args(name, value);
    }
}
