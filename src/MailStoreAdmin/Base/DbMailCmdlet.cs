using MailStoreAdmin.Core.DbMail;
using MailStoreAdmin.Core.Pipeline;

namespace MailStoreAdmin.Base
{
    /// <summary>Base of every dbmail-api cmdlet.</summary>
    public abstract class DbMailCmdlet : ConnectedCmdlet<DbMailConnection>
    {
        private protected override ScopedConnections<DbMailConnection> Connections => ModuleState.DbMail;
        private protected override (string ConnectCommand, string Service) ConnectHint => ("Connect-DbMailApi", "dbmail-api");
    }
}
