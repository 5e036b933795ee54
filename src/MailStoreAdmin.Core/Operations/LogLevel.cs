namespace MailStoreAdmin.Core.Operations
{
    /// <summary>
    /// How loud a log line is: Verbose and Debug follow the caller's preferences, Warning always shows, Information
    /// is a status line for the person at the console (the PowerShell host shows it; a script can capture it).
    /// </summary>
    public enum LogLevel
    {
        Verbose,
        Debug,
        Warning,
        Information,
    }
}
