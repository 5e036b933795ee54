namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>How FileUserSource reads its file; Auto goes by the extension (.csv or .json).</summary>
    public enum UserFileFormat
    {
        Auto,
        Csv,
        Json,
    }
}
