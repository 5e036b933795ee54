using System.Collections.Generic;
using System.Linq;

namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>
    /// A sieve filter rule as dbmail-api stores it. The typed properties bind by name to New-DbMailFilterRule, so
    /// rules copy between users; RulesJson/ActionsJson keep the stored text for restoring a rule exactly.
    /// </summary>
    public sealed class DbMailFilterRule
    {
        public DbMailFilterRule(string userName, string name, IReadOnlyList<DbMailFilterCondition> conditions,
            DbMailJoinOperator joinOperator, DbMailFilterAction action, string? actionArgument, bool disabled,
            string rulesJson, string actionsJson, string joinOperatorText)
        {
            UserName = userName;
            Name = name;
            Conditions = conditions;
            JoinOperator = joinOperator;
            Action = action;
            ActionArgument = actionArgument;
            Disabled = disabled;
            RulesJson = rulesJson;
            ActionsJson = actionsJson;
            JoinOperatorText = joinOperatorText;
        }

        public string UserName { get; }
        public string Name { get; }
        public IReadOnlyList<DbMailFilterCondition> Conditions { get; }
        public DbMailJoinOperator JoinOperator { get; }
        public DbMailFilterAction Action { get; }

        /// <summary>The folder of StoreIn or the address of MirrorTo; null for the others.</summary>
        public string? ActionArgument { get; }

        public bool Disabled { get; }
        public string RulesJson { get; }
        public string ActionsJson { get; }

        /// <summary>rulesJoinOperator exactly as stored (the server keeps any text when there is one condition).</summary>
        public string JoinOperatorText { get; }

        /// <summary>The conditions in one line, for tables.</summary>
        public string Summary => string.Join(JoinOperator == DbMailJoinOperator.And ? " and " : " or ", Conditions.Select(c => c.ToString()));

        public override string ToString() => Name;
    }
}
