using System.Globalization;
using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Builds one condition for New-DbMailFilterRule (tab-completes fields and operators).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DbMailFilterCondition")]
    [OutputType(typeof(DbMailFilterCondition))]
    public sealed class NewDbMailFilterConditionCommand : PSCmdlet
    {
        /// <summary><para type="description">From, Subject, AnyToOrCc, XSpamFlag or MessageSize.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        public DbMailFilterField Field { get; set; }

        /// <summary><para type="description">Is or IsNot (headers and MessageSize); LessThan or GreaterThan (MessageSize only, strict).</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public DbMailFilterOperator Operator { get; set; }

        /// <summary><para type="description">Header text compared with the whole header, or *text* for "contains"; for MessageSize a byte count such as 10MB.</para></summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNull]
        public object? Value { get; set; }

        protected override void ProcessRecord()
        {
            var value = Value is PSObject ps ? ps.BaseObject : Value;
            WriteObject(new DbMailFilterCondition(Field, Operator, System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
        }
    }
}
