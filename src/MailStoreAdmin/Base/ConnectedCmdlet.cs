using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Base of every cmdlet that talks to a service: -Connection, or this runspace's default connection from the
    /// service's Connect- cmdlet.
    /// </summary>
    public abstract class ConnectedCmdlet<TConnection> : MailStoreAdminCmdlet where TConnection : class
    {
        /// <summary>
        /// <para type="description">The connection to use (from the Connect- cmdlet with -PassThru, or its Get-...Connection). Defaults to the most recent connection of this session.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public TConnection? Connection { get; set; }

        private protected abstract ScopedConnections<TConnection> Connections { get; }

        /// <summary>The cmdlet that opens a connection and the service's name, for the NotConnected error.</summary>
        private protected abstract (string ConnectCommand, string Service) ConnectHint { get; }

        /// <summary>Runs one operation against the resolved connection; see <see cref="MailStoreAdminCmdlet.Run"/>.</summary>
        protected void Run(Func<TConnection, OperationContext, CancellationToken, Task> work, bool terminating = false)
        {
            RunOn(ResolveConnection(), work, terminating);
        }

        /// <summary>Runs the work against the resolved connection; MsCmdlet adds the SPE instance scope and fan-out here.</summary>
        private protected virtual void RunOn(TConnection connection, Func<TConnection, OperationContext, CancellationToken, Task> work, bool terminating) =>
            Run((context, token) => work(connection, context, token), terminating);

        protected TConnection ResolveConnection()
        {
            var connection = Connection ?? Connections.GetDefault(ModuleState.Scope);
            if (connection == null) ThrowTerminatingError(ErrorRecords.NotConnected(ConnectHint.ConnectCommand, ConnectHint.Service));
            return connection!;
        }
    }
}
