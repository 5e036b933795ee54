using System;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.DbMailApi;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>Base of every dbmail-api cmdlet.</summary>
    public abstract class DbMailApiCmdlet : ConnectedCmdlet<DbMailApiConnection>
    {
        private protected override ScopedConnections<DbMailApiConnection> Connections => ModuleState.DbMailApi;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-DbMailApi", "dbmail-api");

        /// <summary>Runs the work once per user name; a failure for one name is an error record and the rest go on.</summary>
        protected void RunForEachUser(string[] userNames, Func<DbMailApiConnection, string, OperationContext, CancellationToken, Task> work)
        {
            foreach (var name in userNames) Run((connection, context, token) => work(connection, name, context, token));
        }
    }
}
