using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Deletes every message in every folder of dbmail users; the users and their folders stay.</para></summary>
    [Cmdlet(VerbsCommon.Clear, "DbMailMailbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class ClearDbMailMailboxCommand : DbMailUsersCmdlet
    {
        protected override void ProcessRecord()
        {
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.ClearMailboxAsync(connection, name, context, token));
        }
    }
}
