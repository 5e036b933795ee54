using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Deletes every message in every folder of dbmail users; the users and their folders stay.</para></summary>
    [Cmdlet(VerbsCommon.Clear, "DbMailMailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ClearDbMailMailboxCommand : DbMailApiCmdlet
    {
        /// <summary><para type="description">The users whose mailboxes are emptied.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.ClearMailboxAsync(connection, name, context, token));
        }
    }
}
