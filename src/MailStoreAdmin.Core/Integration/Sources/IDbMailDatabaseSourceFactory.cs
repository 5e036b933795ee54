namespace MailStoreAdmin.Core.Integration.Sources
{
    /// <summary>
    /// Implemented by the dbmail database source assembly (MailStoreAdmin.DbMailDatabase, net8.0 with Npgsql);
    /// DbMailDatabaseSourceLoader finds the implementation in that assembly and calls it through this interface.
    /// </summary>
    public interface IDbMailDatabaseSourceFactory
    {
        /// <summary>A source for the options; throws MailStoreAdminException (InvalidArgument) for bad options.</summary>
        IDirectoryUserSource Create(DbMailDatabaseOptions options);
    }
}
