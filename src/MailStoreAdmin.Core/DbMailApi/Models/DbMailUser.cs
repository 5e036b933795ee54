namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>A dbmail account as the API knows it (it exposes no more than the name).</summary>
    public sealed class DbMailUser
    {
        public DbMailUser(string userName, string connection)
        {
            UserName = userName;
            Connection = connection;
        }

        public string UserName { get; }

        /// <summary>The dbmail-api the user lives on.</summary>
        public string Connection { get; }

        public override string ToString() => UserName;
    }

    /// <summary>Unread, undeleted messages in INBOX and the folders whose names start with "INBOX".</summary>
    public sealed class DbMailUnreadCount
    {
        public DbMailUnreadCount(string userName, int unreadCount)
        {
            UserName = userName;
            UnreadCount = unreadCount;
        }

        public string UserName { get; }
        public int UnreadCount { get; }

        public override string ToString() => $"{UserName}: {UnreadCount}";
    }
}
