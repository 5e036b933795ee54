using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Gets the sieve filter rules of dbmail users.</para></summary>
    [Cmdlet(VerbsCommon.Get, "DbMailFilterRule")]
    [OutputType(typeof(DbMailFilterRule))]
    public sealed class GetDbMailFilterRuleCommand : DbMailUsersCmdlet
    {
        /// <summary><para type="description">Only rules with this name; wildcards allowed (case-sensitive, as the server stores names).</para></summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, user, context, token) => DbMailFilterRuleOperations.GetAsync(connection, user, Name, context, token));
    }
}
