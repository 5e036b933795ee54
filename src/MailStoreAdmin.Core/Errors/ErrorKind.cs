namespace MailStoreAdmin.Core.Errors
{
    /// <summary>
    /// What went wrong, in terms the PowerShell layer maps one-to-one onto ErrorCategory
    /// (the member names match), so the core never references System.Management.Automation.
    /// </summary>
    public enum ErrorKind
    {
        NotSpecified,
        InvalidArgument,
        ObjectNotFound,
        AuthenticationError,
        PermissionDenied,
        SecurityError,
        ConnectionError,
        ProtocolError,
        InvalidResult,
        InvalidOperation,
        OperationTimeout,
        OperationStopped,
        ResourceExists,
    }
}
