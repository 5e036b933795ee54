using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Lists the MailStore connections opened in this session.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsConnection")]
    [OutputType(typeof(MsConnection))]
    public sealed class GetMsConnectionCommand : GetConnectionCommandBase<MsConnection>
    {
        private protected override ScopedConnections<MsConnection> Connections => ModuleState.MailStore;
    }
}
