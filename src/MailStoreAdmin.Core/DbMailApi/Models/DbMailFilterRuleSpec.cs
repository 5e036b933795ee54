using System.Collections.Generic;

namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>What New-DbMailFilterRule asks for, before it is checked and encoded.</summary>
    public sealed class DbMailFilterRuleSpec
    {
        public DbMailFilterRuleSpec(string name, IReadOnlyList<DbMailFilterCondition> conditions, DbMailJoinOperator joinOperator,
            DbMailFilterAction action, string? actionArgument, bool disabled)
        {
            Name = name;
            Conditions = conditions;
            JoinOperator = joinOperator;
            Action = action;
            ActionArgument = actionArgument;
            Disabled = disabled;
        }

        public string Name { get; }
        public IReadOnlyList<DbMailFilterCondition> Conditions { get; }
        public DbMailJoinOperator JoinOperator { get; }
        public DbMailFilterAction Action { get; }
        public string? ActionArgument { get; }
        public bool Disabled { get; }
    }
}
