using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>The -UserName of the one dbmail user a fetch or filter rule belongs to, first and bound by property name.</summary>
    public abstract class DbMailRuleOwnerCmdlet : DbMailApiCmdlet
    {
        /// <summary><para type="description">The dbmail user the rule belongs to (for a new rule, the user who gets it: give it explicitly to copy piped rules to another user).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;
    }

    /// <summary>One filter rule: its user and its name (New-DbMailFilterRule, Remove-DbMailFilterRule).</summary>
    public abstract class DbMailFilterRuleCmdlet : DbMailRuleOwnerCmdlet
    {
        /// <summary><para type="description">The rule's name: unique per user, case-sensitive, one line, no control characters.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;
    }

    /// <summary>One fetch rule: its user and its id, as Get-DbMailFetchRule shows it (Set-DbMailFetchRule, Remove-DbMailFetchRule).</summary>
    public abstract class DbMailFetchRuleCmdlet : DbMailRuleOwnerCmdlet
    {
        /// <summary><para type="description">The rule's id, as Get-DbMailFetchRule shows it.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }
    }
}
