using System.Data.Common;

namespace MailStoreAdmin.DbMailDatabase.Dialects
{
    /// <summary>
    /// What differs between the databases dbmail runs on. Everything else (SQL shape, column probing, password
    /// rules) is shared, so a new database needs only this.
    /// </summary>
    public interface IDbMailDialect
    {
        /// <summary>Short name for descriptions and errors, e.g. "PostgreSQL".</summary>
        string Name { get; }

        /// <summary>A pooled data source for the driver; the caller disposes it.</summary>
        DbDataSource CreateDataSource(string connectionString);
    }
}
