using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>The functions of one kind of SPE server (instance hosts, client access servers): they share one shape.</summary>
    public sealed class MsSpeServerKind
    {
        public static readonly MsSpeServerKind InstanceHost = new MsSpeServerKind("instance host", "GetInstanceHosts", "CreateInstanceHost",
            "SetInstanceHostConfiguration", "DeleteInstanceHost", "MailStoreAdmin.MsInstanceHost", "MailStoreInstanceHostNotFound");

        public static readonly MsSpeServerKind ClientAccessServer = new MsSpeServerKind("client access server", "GetClientAccessServers",
            "CreateClientAccessServer", "SetClientAccessServerConfiguration", "DeleteClientAccessServer", "MailStoreAdmin.MsClientAccessServer",
            "MailStoreClientAccessServerNotFound");

        private MsSpeServerKind(string noun, string get, string create, string set, string delete, string typeName, string notFoundId)
        {
            Noun = noun;
            GetFunction = get;
            CreateFunction = create;
            SetFunction = set;
            DeleteFunction = delete;
            TypeName = typeName;
            NotFoundId = notFoundId;
        }

        public string Noun { get; }
        public string GetFunction { get; }
        public string CreateFunction { get; }
        public string SetFunction { get; }
        public string DeleteFunction { get; }
        public string TypeName { get; }
        public string NotFoundId { get; }

        public MailStoreAdminException NotFound(string name) =>
            new MailStoreAdminException(ErrorKind.ObjectNotFound, NotFoundId, $"There is no {Noun} named '{name}'.", name);
    }

    /// <summary>Instance hosts, their directories, and client access servers.</summary>
    public static class MsSpeServerOperations
    {
        private const string NameKey = "serverName";

        /// <summary>The servers of a kind (all; client access servers optionally with their service status).</summary>
        public static Task<List<PlainObject>> ListAsync(MsConnection connection, MsSpeServerKind kind, bool withServiceStatus,
            OperationContext context, CancellationToken cancellationToken)
        {
            var arguments = kind == MsSpeServerKind.ClientAccessServer ? MsUserOperations.Args("withServiceStatus", withServiceStatus) : null;
            return MsConfigObject.ReadAllAsync(connection, kind.GetFunction, arguments, kind.TypeName, context, cancellationToken);
        }

        /// <summary>Get-MsInstanceHost / Get-MsClientAccessServer: by name or wildcard (all without).</summary>
        public static async Task GetAsync(MsConnection connection, MsSpeServerKind kind, string? name, bool withServiceStatus,
            OperationContext context, CancellationToken cancellationToken)
        {
            var all = await ListAsync(connection, kind, withServiceStatus, context, cancellationToken).ConfigureAwait(false);
            foreach (var server in MsConfigObject.Filter(all, NameKey, name, kind.NotFound, context)) context.WriteObject(server);
        }

        /// <summary>New-MsInstanceHost / New-MsClientAccessServer: the name must be new (checked first).</summary>
        public static async Task NewAsync(MsConnection connection, MsSpeServerKind kind, string name, IEnumerable<KeyValuePair<string, object?>> settings,
            OperationContext context, CancellationToken cancellationToken)
        {
            MsConfigObject.RequireText(name, "The server name", "InvalidServerName");
            var all = await ListAsync(connection, kind, false, context, cancellationToken).ConfigureAwait(false);
            if (all.Any(s => string.Equals(MsConfigObject.Text(s, NameKey), name, System.StringComparison.OrdinalIgnoreCase)))
            {
                throw new MailStoreAdminException(ErrorKind.ResourceExists, "MailStoreServerExists", $"There already is a {kind.Noun} named '{name}'.", name);
            }
            var config = new PlainObject { [NameKey] = name };
            MsConfigObject.Apply(config, settings);
            if (!context.ShouldProcess($"{kind.Noun} '{name}' on {connection}", "Create")) return;
            await connection.InvokeAsync(kind.CreateFunction, MsUserOperations.Args("config", config), null, context, cancellationToken, name).ConfigureAwait(false);
            await GetAsync(connection, kind, name, false, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Set-MsInstanceHost / Set-MsClientAccessServer: read-modify-write of one server's configuration.</summary>
        public static async Task SetAsync(MsConnection connection, MsSpeServerKind kind, string name, IEnumerable<KeyValuePair<string, object?>> changes,
            bool passThru, OperationContext context, CancellationToken cancellationToken)
        {
            var server = await MsConfigObject.ReadModifyWriteAsync(connection, changes,
                async () => MsConfigObject.Single(await ListAsync(connection, kind, false, context, cancellationToken).ConfigureAwait(false), NameKey, name, kind.NotFound),
                $"{kind.Noun} '{name}'", kind.SetFunction, name, context, cancellationToken).ConfigureAwait(false);
            if (server != null && passThru) context.WriteObject(server);
        }

        /// <summary>Remove-MsInstanceHost / Remove-MsClientAccessServer: must exist (checked first).</summary>
        public static async Task RemoveAsync(MsConnection connection, MsSpeServerKind kind, string name, OperationContext context, CancellationToken cancellationToken)
        {
            var all = await ListAsync(connection, kind, false, context, cancellationToken).ConfigureAwait(false);
            var server = MsConfigObject.Single(all, NameKey, name, kind.NotFound);
            var exact = MsConfigObject.Text(server, NameKey)!;
            if (!context.ShouldProcess($"{kind.Noun} '{exact}' on {connection}", "Remove")) return;
            await connection.InvokeAsync(kind.DeleteFunction, MsUserOperations.Args(NameKey, exact), null, context, cancellationToken, exact).ConfigureAwait(false);
        }

        /// <summary>Get-MsInstanceHostDirectory: the sub-directories of a path on a host (its top level without a path).</summary>
        public static Task GetDirectoriesAsync(MsConnection connection, string serverName, string? path, OperationContext context, CancellationToken cancellationToken)
        {
            MsConfigObject.RequireText(serverName, "The instance host name", "InvalidServerName");
            var arguments = new List<KeyValuePair<string, object?>> { new KeyValuePair<string, object?>(NameKey, serverName) };
            if (!string.IsNullOrEmpty(path)) arguments.Add(new KeyValuePair<string, object?>("path", path));
            return connection.InvokeAsync("GetDirectoriesOnInstanceHost", arguments, item =>
            {
                var text = item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString() : item.ToString();
                context.WriteObject(new MsInstanceHostDirectory { ServerName = serverName, Path = text });
            }, context, cancellationToken, serverName);
        }

        /// <summary>New-MsInstanceHostDirectory: creates a directory on a host (for a new instance's base directory).</summary>
        public static async Task NewDirectoryAsync(MsConnection connection, string serverName, string path, OperationContext context, CancellationToken cancellationToken)
        {
            MsConfigObject.RequireText(serverName, "The instance host name", "InvalidServerName");
            MsConfigObject.RequireText(path, "The directory path", "InvalidPath");
            if (!context.ShouldProcess($"directory '{path}' on instance host '{serverName}'", "Create")) return;
            var arguments = new[] { new KeyValuePair<string, object?>(NameKey, serverName), new KeyValuePair<string, object?>("path", path) };
            await connection.InvokeAsync("CreateDirectoryOnInstanceHost", arguments, null, context, cancellationToken, serverName).ConfigureAwait(false);
            context.WriteObject(new MsInstanceHostDirectory { ServerName = serverName, Path = path });
        }
    }
}
