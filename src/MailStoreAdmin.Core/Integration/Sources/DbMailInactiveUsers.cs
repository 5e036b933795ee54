namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>What cmd=list does with accounts whose <c>active</c> column is 0.</summary>
    public enum DbMailInactiveUsers
    {
        /// <summary>Not listed: MailStore treats them like deleted users (it may remove them if told to).</summary>
        Omit = 0,

        /// <summary>Listed like active users; they still cannot log in, because authentication checks <c>active</c>.</summary>
        List = 1,
    }
}
