using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Counts unread messages in INBOX and the folders whose names start with "INBOX".</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailUnreadCount")]
    [OutputType(typeof(DbMailUnreadCount))]
    public sealed class GetDbMailUnreadCountCommand : DbMailCmdlet
    {
        /// <summary><para type="description">The users to count for.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.GetUnreadCountAsync(connection, name, context, token));
    }
}
