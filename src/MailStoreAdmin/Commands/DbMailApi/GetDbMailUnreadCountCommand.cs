using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Counts unread messages in INBOX and the folders whose names start with "INBOX".</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailUnreadCount")]
    [OutputType(typeof(DbMailUnreadCount))]
    public sealed class GetDbMailUnreadCountCommand : DbMailUsersCmdlet
    {
        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.GetUnreadCountAsync(connection, name, context, token));
    }
}
