using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Splits list cells ("login;archive", "a@x.com, b@x.com") into items, so a CSV column binds to an array parameter
    /// (PowerShell then converts each item, with its own error for a value that does not exist).
    /// </summary>
    public sealed class ListSplitAttribute : ArgumentTransformationAttribute
    {
        private static readonly char[] Separators = { ',', ';' };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    return Split(text);
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (var item in list)
                    {
                        var plain = item is PSObject p ? p.BaseObject : item;
                        if (plain is string s) items.AddRange(Split(s));
                        else items.Add(plain);
                    }
                    return items.ToArray();
                default:
                    return value;
            }
        }

        private static string[] Split(string text)
        {
            var parts = new List<string>();
            foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Trim().Length > 0) parts.Add(part.Trim());
            }
            return parts.ToArray();
        }
    }
}
