using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Lists the dbmail-api connections opened in this session.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailConnection")]
    [OutputType(typeof(DbMailConnection))]
    public sealed class GetDbMailConnectionCommand : GetConnectionCommandBase<DbMailConnection>
    {
        private protected override ScopedConnections<DbMailConnection> Connections => ModuleState.DbMail;
    }
}
