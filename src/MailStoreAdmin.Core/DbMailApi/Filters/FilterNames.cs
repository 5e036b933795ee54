using System;
using System.Collections.Generic;
using System.Linq;
using MailStoreAdmin.Core.DbMailApi.Models;

namespace MailStoreAdmin.Core.DbMailApi.Filters
{
    /// <summary>The strings dbmail-api uses on the wire for fields, operators and actions.</summary>
    public static class FilterNames
    {
        private static readonly Dictionary<DbMailFilterField, string> Fields = new Dictionary<DbMailFilterField, string>
        {
            [DbMailFilterField.From] = "From",
            [DbMailFilterField.Subject] = "Subject",
            [DbMailFilterField.AnyToOrCc] = "Any To or Cc",
            [DbMailFilterField.XSpamFlag] = "X-Spam-Flag",
            [DbMailFilterField.MessageSize] = "Message Size",
        };

        private static readonly Dictionary<DbMailFilterOperator, string> Operators = new Dictionary<DbMailFilterOperator, string>
        {
            [DbMailFilterOperator.Is] = "is",
            [DbMailFilterOperator.IsNot] = "is not",
            [DbMailFilterOperator.LessThan] = "less than",
            [DbMailFilterOperator.GreaterThan] = "greater than",
        };

        public static string FieldName(DbMailFilterField field) => Fields.TryGetValue(field, out var name) ? name : field.ToString();

        public static string OperatorName(DbMailFilterOperator op) => Operators.TryGetValue(op, out var name) ? name : op.ToString();

        public static bool TryParseField(string wire, out DbMailFilterField field) => TryReverse(Fields, wire, out field);

        public static bool TryParseOperator(string wire, out DbMailFilterOperator op) => TryReverse(Operators, wire, out op);

        public static bool IsDefined(DbMailFilterField field) => Fields.ContainsKey(field);

        public static bool IsDefined(DbMailFilterOperator op) => Operators.ContainsKey(op);

        public static string KnownFields => string.Join(", ", Enum.GetNames(typeof(DbMailFilterField)));

        private static bool TryReverse<T>(Dictionary<T, string> map, string wire, out T value) where T : struct
        {
            foreach (var pair in map.Where(p => p.Value == wire))
            {
                value = pair.Key;
                return true;
            }
            value = default;
            return false;
        }
    }
}
