using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Creates a sieve filter rule for a dbmail user, checked completely before anything is sent.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DbMailFilterRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ActionSet)]
    [OutputType(typeof(DbMailFilterRule))]
    public sealed class NewDbMailFilterRuleCommand : DbMailFilterRuleCmdlet
    {
        private const string ActionSet = "Action";
        private const string DiscardSet = "Discard";
        private const string MarkReadSet = "MarkRead";
        private const string MarkFlaggedSet = "MarkFlagged";
        private const string StoreInSet = "StoreIn";
        private const string MirrorToSet = "MirrorTo";

        /// <summary><para type="description">The tests, from New-DbMailFilterCondition or hashtables such as @{ Field = 'Subject'; Operator = 'Is'; Value = '*invoice*' }.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Conditions")]
        [ValidateNotNullOrEmpty]
        public DbMailFilterCondition[] Condition { get; set; } = new DbMailFilterCondition[0];

        /// <summary><para type="description">And (all conditions, the default) or Or (any condition).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public DbMailJoinOperator JoinOperator { get; set; } = DbMailJoinOperator.And;

        /// <summary><para type="description">What the rule does: Discard, MarkRead, MarkFlagged, StoreIn or MirrorTo (with -ActionArgument).</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ActionSet)]
        public DbMailFilterAction Action { get; set; }

        /// <summary><para type="description">The folder for StoreIn or the address for MirrorTo.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ActionSet)]
        public string? ActionArgument { get; set; }

        /// <summary><para type="description">Deletes matching messages.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = DiscardSet)]
        public SwitchParameter Discard { get; set; }

        /// <summary><para type="description">Marks matching messages as read (dbmail may apply flags only together with a folder move).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MarkReadSet)]
        public SwitchParameter MarkRead { get; set; }

        /// <summary><para type="description">Flags matching messages (dbmail may apply flags only together with a folder move).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MarkFlaggedSet)]
        public SwitchParameter MarkFlagged { get; set; }

        /// <summary><para type="description">Moves matching messages into this folder.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = StoreInSet)]
        [ValidateNotNullOrEmpty]
        public string? StoreIn { get; set; }

        /// <summary><para type="description">Forwards matching messages to this address, without keeping a copy.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = MirrorToSet)]
        [ValidateNotNullOrEmpty]
        public string? MirrorTo { get; set; }

        /// <summary><para type="description">Stores the rule switched off.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter Disabled { get; set; }

        protected override void ProcessRecord()
        {
            var (action, argument) = ParameterSetName switch
            {
                DiscardSet => (DbMailFilterAction.Discard, null),
                MarkReadSet => (DbMailFilterAction.MarkRead, null),
                MarkFlaggedSet => (DbMailFilterAction.MarkFlagged, null),
                StoreInSet => (DbMailFilterAction.StoreIn, StoreIn),
                MirrorToSet => (DbMailFilterAction.MirrorTo, MirrorTo),
                _ => (Action, ActionArgument),
            };
            var spec = new DbMailFilterRuleSpec(Name, Condition, JoinOperator, action, argument, Disabled);
            var user = UserName;
            Run((connection, context, token) => DbMailFilterRuleOperations.CreateAsync(connection, user, spec, context, token));
        }
    }
}
