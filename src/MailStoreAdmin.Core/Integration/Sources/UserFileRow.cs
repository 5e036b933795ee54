using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>One user as a reader found it, before validation: where it is, and its fields by canonical name.</summary>
    internal sealed class UserFileRow
    {
        public UserFileRow(string location) => Location = location;

        /// <summary>"line 4" or "element 2", for error messages.</summary>
        public string Location { get; }

        /// <summary>Field values present in the file (CSV leaves empty cells out; JSON keeps explicit "").</summary>
        public Dictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Addresses given as a JSON array, which need no splitting.</summary>
        public List<string>? EmailList { get; set; }
    }
}
