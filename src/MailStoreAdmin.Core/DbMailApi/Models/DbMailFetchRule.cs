using System.Security;

namespace MailStoreAdmin.Core.DbMailApi.Models
{
    /// <summary>What the getmail cron job reported the last time it ran a rule (GetMailRule.status).</summary>
    public enum DbMailFetchStatus
    {
        Ok = 0,
        NotRunYet = 1,
        WrongPassword = 2,
        ConnectionError = 3,
        BadDomain = 4,
        Unknown = 5,
    }

    /// <summary>A POP3 collection rule: getmail fetches Server/RemoteUser into the dbmail user's mailbox.</summary>
    public sealed class DbMailFetchRule
    {
        public DbMailFetchRule(int id, string userName, string server, string remoteUser, SecureString password,
            bool deleteAfterFetch, bool useSsl, DbMailFetchStatus status)
        {
            Id = id;
            UserName = userName;
            Server = server;
            RemoteUser = remoteUser;
            Password = password;
            DeleteAfterFetch = deleteAfterFetch;
            UseSsl = useSsl;
            Status = status;
        }

        public int Id { get; }

        /// <summary>The dbmail user the mail is delivered to.</summary>
        public string UserName { get; }

        /// <summary>The POP3 server (the API's "host").</summary>
        public string Server { get; }

        /// <summary>The login on the POP3 server (the API's "email").</summary>
        public string RemoteUser { get; }

        /// <summary>The POP3 password; the API hands it out in clear text, the module keeps it out of sight.</summary>
        public SecureString Password { get; }

        public bool DeleteAfterFetch { get; }

        /// <summary>True when the server's login probe on port 995 succeeded when the rule was saved.</summary>
        public bool UseSsl { get; }

        public DbMailFetchStatus Status { get; }

        public override string ToString() => $"{Id}: {RemoteUser} on {Server} -> {UserName}";
    }
}
