namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>A validated user of a user file. Never printed: it carries the password hash.</summary>
    internal sealed class UserFileEntry
    {
        public UserFileEntry(string location, DirectoryUser user, bool active, string? encryptionType, string? passwordHash)
        {
            Location = location;
            User = user;
            Active = active;
            EncryptionType = encryptionType;
            PasswordHash = passwordHash;
        }

        public string Location { get; }
        public DirectoryUser User { get; }
        public bool Active { get; }

        /// <summary>dbmail encryption_type for DbMailPasswordSchemes ("crypt" when the file gives no passwordScheme).</summary>
        public string? EncryptionType { get; }

        /// <summary>Null when the user has no password: listed, but can never log in.</summary>
        public string? PasswordHash { get; }

        public override string ToString() => User.UserName;
    }
}
