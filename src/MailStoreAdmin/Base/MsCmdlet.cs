using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Base
{
    /// <summary>Base of every MailStore API cmdlet: -Connection, or this runspace's default connection.</summary>
    public abstract class MsCmdlet : MailStoreAdminCmdlet
    {
        /// <summary>
        /// <para type="description">The connection to use (from Connect-MsServer -PassThru or Get-MsConnection). Defaults to the most recent connection of this session.</para>
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public MsConnection? Connection { get; set; }

        /// <summary>Runs work against the resolved connection; see <see cref="MailStoreAdminCmdlet.Run"/>.</summary>
        protected void RunWithConnection(Func<MsConnection, CmdletContext, CancellationToken, Task> work, bool terminating = false)
        {
            var connection = ResolveConnection();
            Run((context, token) => work(connection, context, token), terminating);
        }

        protected MsConnection ResolveConnection()
        {
            var connection = Connection ?? ModuleState.MailStore.GetDefault(ModuleState.Scope);
            if (connection == null) ThrowTerminatingError(ErrorRecords.NotConnected("Connect-MsServer", "MailStore"));
            return connection!;
        }
    }
}
