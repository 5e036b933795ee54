using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Gets the sieve filter rules of dbmail users.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailFilterRule")]
    [OutputType(typeof(DbMailFilterRule))]
    public sealed class GetDbMailFilterRuleCommand : DbMailCmdlet
    {
        /// <summary><para type="description">The users whose rules are listed.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];

        /// <summary><para type="description">Only rules with this name; wildcards allowed (case-sensitive, as the server stores names).</para></summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, user, context, token) => DbMailFilterRuleOperations.GetAsync(connection, user, Name, context, token));
    }
}
