using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Gets the POP3 fetch rules of dbmail users, with their last status.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailFetchRule")]
    [OutputType(typeof(DbMailFetchRule))]
    public sealed class GetDbMailFetchRuleCommand : DbMailCmdlet
    {
        /// <summary><para type="description">The users whose rules are listed. Rules of deleted users are listed too, with a warning.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];

        /// <summary><para type="description">Only the rules with these ids.</para></summary>
        [Parameter]
        public int[]? Id { get; set; }

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, user, context, token) => DbMailFetchRuleOperations.ListAsync(connection, user, Id, context, token));
    }
}
