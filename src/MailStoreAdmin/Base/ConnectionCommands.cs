using System.Management.Automation;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>Disconnect-*: closes a connection (by default the session's default one) and forgets it.</summary>
    public abstract class DisconnectCommandBase<TConnection> : MailStoreAdminCmdlet where TConnection : class, System.IDisposable
    {
        /// <summary><para type="description">The connection to close; the default connection when omitted.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TConnection? Connection { get; set; }

        private protected abstract ScopedConnections<TConnection> Connections { get; }
        private protected abstract (string ConnectCommand, string Service) ConnectHint { get; }

        protected override void ProcessRecord()
        {
            var connection = Connection ?? Connections.GetDefault(ModuleState.Scope);
            if (connection == null)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected(ConnectHint.ConnectCommand, ConnectHint.Service));
                return;
            }
            if (!ShouldProcess(connection.ToString(), "Disconnect")) return;
            Connections.Remove(ModuleState.Scope, connection);
            connection.Dispose();
            WriteVerbose($"Closed the {ConnectHint.Service} connection to {connection}.");
        }
    }

    /// <summary>Get-*Connection: the connections opened in this session, or only the default one.</summary>
    public abstract class GetConnectionCommandBase<TConnection> : PSCmdlet where TConnection : class
    {
        /// <summary><para type="description">Only the default connection, which cmdlets use without -Connection.</para></summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        private protected abstract ScopedConnections<TConnection> Connections { get; }

        protected override void EndProcessing()
        {
            if (Default)
            {
                var current = Connections.GetDefault(ModuleState.Scope);
                if (current != null) WriteObject(current);
                return;
            }
            WriteObject(Connections.GetAll(ModuleState.Scope), enumerateCollection: true);
        }
    }
}
