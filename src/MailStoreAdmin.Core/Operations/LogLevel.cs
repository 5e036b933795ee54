namespace MailStoreAdmin.Core.Operations
{
    /// <summary>How loud a log line is: Verbose and Debug follow the caller's preferences, Warning always shows.</summary>
    public enum LogLevel
    {
        Verbose,
        Debug,
        Warning,
    }
}
