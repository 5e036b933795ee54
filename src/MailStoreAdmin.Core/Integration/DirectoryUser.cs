using System;
using System.Collections.Generic;

namespace MailStoreAdmin.Core.Integration
{
    /// <summary>One user as MailStore's Application Integration protocol lists it (cmd=list).</summary>
    public sealed class DirectoryUser
    {
        public DirectoryUser(string userName, string? fullName = null, string? distinguishedName = null, IReadOnlyList<string>? emailAddresses = null)
        {
            if (string.IsNullOrEmpty(userName)) throw new ArgumentException("A directory user needs a user name.", nameof(userName));
            UserName = userName;
            FullName = string.IsNullOrEmpty(fullName) ? null : fullName;
            DistinguishedName = string.IsNullOrEmpty(distinguishedName) ? null : distinguishedName;
            EmailAddresses = emailAddresses ?? Array.Empty<string>();
        }

        public string UserName { get; }
        public string? FullName { get; }
        public string? DistinguishedName { get; }
        public IReadOnlyList<string> EmailAddresses { get; }

        public override string ToString() => UserName;
    }
}
