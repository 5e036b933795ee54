using System;
using System.Collections.Generic;
using MailStoreAdmin.Core.Integration;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>One user's addresses as they arrive row by row: de-duplicated case-insensitively, then sorted.</summary>
    internal sealed class UserAddressCollector
    {
        private readonly string _userName;
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _addresses = new List<string>(4);

        public UserAddressCollector(string userName, bool includeUserNameAsAddress)
        {
            _userName = userName;
            if (includeUserNameAsAddress && userName.IndexOf('@') > 0) Add(userName);
        }

        public void Add(string address)
        {
            var trimmed = address.Trim();
            if (trimmed.Length > 0 && _seen.Add(trimmed)) _addresses.Add(trimmed);
        }

        /// <summary>An account with a blank userid cannot be named to MailStore (nor log in to dbmail), so it is left out.</summary>
        public void AddTo(List<DirectoryUser> users)
        {
            if (string.IsNullOrWhiteSpace(_userName)) return;
            _addresses.Sort(StringComparer.OrdinalIgnoreCase);
            users.Add(new DirectoryUser(_userName, emailAddresses: _addresses.ToArray()));
        }
    }
}
