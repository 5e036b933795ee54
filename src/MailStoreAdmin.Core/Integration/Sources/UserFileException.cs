using System;

namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>A problem at one place of a user file; FileUserSource turns it into a MailStoreAdminException naming the file.</summary>
    internal sealed class UserFileException : Exception
    {
        public UserFileException(string location, string problem) : base(location + ": " + problem)
        {
        }
    }
}
