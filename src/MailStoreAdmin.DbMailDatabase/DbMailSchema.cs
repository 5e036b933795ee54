using System;
using System.Collections.Generic;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>The optional parts of the users table: schemas older than dbmail upgrade 32004 lack <c>active</c>.</summary>
    internal sealed class DbMailSchema
    {
        public DbMailSchema(IEnumerable<string> userColumns)
        {
            var columns = new HashSet<string>(userColumns, StringComparer.OrdinalIgnoreCase);
            HasActive = columns.Contains("active");
        }

        /// <summary>Without the column every account counts as active, as in dbmail before 32004.</summary>
        public bool HasActive { get; }
    }
}
