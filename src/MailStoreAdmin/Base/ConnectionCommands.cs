using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Connect-*: the parameters Connect-MsServer and Connect-DbMailApi share, and the connect step itself: open the
    /// connection, make it the session's default, log it, and write it with -PassThru.
    /// </summary>
    public abstract class ConnectCommandBase<TConnection> : MailStoreAdminCmdlet where TConnection : class
    {
        /// <summary><para type="description">Allows the credentials or security key over plain http (an http:// address); only for trusted links such as localhost.</para></summary>
        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary><para type="description">Seconds one request may take (MailStore long polls wait on top of this; creating a dbmail POP3 fetch rule makes the server probe the POP3 host, which can take over 10 seconds).</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary><para type="description">Writes the new connection to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected abstract ScopedConnections<TConnection> Connections { get; }

        /// <summary>-TimeoutSec as the request timeout of the connection settings.</summary>
        private protected TimeSpan RequestTimeout => TimeSpan.FromSeconds(TimeoutSec);

        /// <summary>The warning for a connection without certificate validation; <paramref name="secret"/> names what could be read.</summary>
        private protected void WarnCertificateCheckSkipped(string secret) =>
            WriteWarning($"Certificate validation is off for this connection; anyone on the network path could read the {secret}. Prefer -CertificateThumbprint.");

        /// <summary>Opens the connection (terminating on failure), makes it this session's default and writes it with -PassThru.</summary>
        private protected void Connect(Func<OperationContext, CancellationToken, Task<TConnection>> connect, Func<TConnection, string> connected)
        {
            // Read on the pipeline thread: the runspace is not visible from the worker thread.
            var scope = ModuleState.Scope;
            Run((context, token) => SessionOperations.ConnectAsync(connect, Connections, scope, PassThru, connected, context, token), terminating: true);
        }
    }

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
            var scope = ModuleState.Scope;
            Run((context, token) => SessionOperations.DisconnectAsync(connection!, Connections, scope, ConnectHint.Service, context));
        }
    }

    /// <summary>Get-*Connection: the connections opened in this session, or only the default one.</summary>
    public abstract class GetConnectionCommandBase<TConnection> : MailStoreAdminCmdlet where TConnection : class
    {
        /// <summary><para type="description">Only the default connection, which cmdlets use without -Connection.</para></summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        private protected abstract ScopedConnections<TConnection> Connections { get; }

        protected override void EndProcessing()
        {
            var scope = ModuleState.Scope;
            Run((context, token) => SessionOperations.GetAsync(Connections, scope, Default, context));
        }
    }
}
