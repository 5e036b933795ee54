using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Gets the POP3 fetch rules of dbmail users, with their last status.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailFetchRule")]
    [OutputType(typeof(DbMailFetchRule))]
    public sealed class GetDbMailFetchRuleCommand : DbMailUsersCmdlet
    {
        /// <summary><para type="description">Only the rules with these ids.</para></summary>
        [Parameter]
        public int[]? Id { get; set; }

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, user, context, token) => DbMailFetchRuleOperations.ListAsync(connection, user, Id, context, token));
    }
}
