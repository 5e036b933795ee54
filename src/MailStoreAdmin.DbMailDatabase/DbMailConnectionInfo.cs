using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using MailStoreAdmin.Core.Http;

namespace MailStoreAdmin.DbMailDatabase
{
    /// <summary>The loggable face of a connection string: its secret values, and a description without them.</summary>
    internal sealed class DbMailConnectionInfo
    {
        private static readonly string[] DescribedKeys = { "host", "server", "port", "database", "username", "user id", "user" };

        private DbMailConnectionInfo(string description, IReadOnlyList<string> secrets)
        {
            Description = description;
            Secrets = secrets;
        }

        /// <summary>Only server, port, database and user: enough to tell sources apart in a log.</summary>
        public string Description { get; }

        /// <summary>Values to scrub from driver messages before they reach an exception.</summary>
        public IReadOnlyList<string> Secrets { get; }

        /// <summary>Uses the generic builder, so it works for every ADO.NET driver's syntax.</summary>
        public static DbMailConnectionInfo Parse(string connectionString)
        {
            var builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = connectionString;
            }
            catch (ArgumentException)
            {
                // Its message may quote the string; the caller reports a generic syntax error instead.
                throw new FormatException("The connection string is not in key=value;key=value form.");
            }

            var secrets = new List<string>();
            var described = new List<string>();
            foreach (string key in builder.Keys)
            {
                var value = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                if (Redactor.IsSecretName(key) || key.Replace(" ", string.Empty).Equals("connectionstring", StringComparison.OrdinalIgnoreCase))
                {
                    if (value.Length > 0) secrets.Add(value);
                }
                else if (DescribedKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    described.Add(key + "=" + value);
                }
            }
            return new DbMailConnectionInfo(string.Join(";", described), secrets);
        }
    }
}
