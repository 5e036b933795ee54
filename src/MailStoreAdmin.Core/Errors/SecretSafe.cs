namespace MailStoreAdmin.Core.Errors
{
    /// <summary>What an error record may carry as its target when the input itself may hold a secret.</summary>
    public static class SecretSafe
    {
        /// <summary>
        /// A text that failed to parse, or an object that may hold a password (a configuration, profile properties),
        /// becomes its type name: an error's target is kept in $Error and shown by Get-Error and, in Windows PowerShell,
        /// partly in the error view.
        /// </summary>
        public static object? Target(object? input) => input?.GetType().Name;
    }
}
