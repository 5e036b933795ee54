using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Lists the dbmail-api connections opened in this session.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailConnection")]
    [OutputType(typeof(DbMailApiConnection))]
    public sealed class GetDbMailConnectionCommand : GetConnectionCommandBase<DbMailApiConnection>
    {
        private protected override ScopedConnections<DbMailApiConnection> Connections => ModuleState.DbMailApi;
    }
}
