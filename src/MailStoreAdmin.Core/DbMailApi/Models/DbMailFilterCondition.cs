using System;
using MailStoreAdmin.Core.DbMailApi.Filters;

namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>
    /// One test of a filter rule. Settable with a parameterless constructor so PowerShell can build it from a
    /// hashtable (@{ Field = 'From'; Operator = 'Is'; Value = 'boss@example.com' }); checked when a rule is sent.
    /// </summary>
    public sealed class DbMailFilterCondition
    {
        public DbMailFilterCondition()
        {
        }

        public DbMailFilterCondition(DbMailFilterField field, DbMailFilterOperator @operator, string value)
        {
            Field = field;
            Operator = @operator;
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public DbMailFilterField Field { get; set; }
        public DbMailFilterOperator Operator { get; set; }

        /// <summary>Header text (exact, or *text* for "contains"), or for MessageSize a byte count such as 10485760 or 10MB.</summary>
        public string Value { get; set; } = string.Empty;

        public override string ToString() =>
            $"{FilterNames.FieldName(Field)} {FilterNames.OperatorName(Operator)} {(Field == DbMailFilterField.MessageSize ? Value : "\"" + Value + "\"")}";
    }
}
