using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>The location parameters New-MsStore, Mount-MsStore and Set-MsStore share (CreateStore, AttachStore, SetStoreProperties).</summary>
    public abstract class MsStoreLocationCmdlet : MsCmdlet
    {
        /// <summary><para type="description">Where the store keeps its data: FileSystemInternal, SQLServer or PostgreSQL.</para></summary>
        [Parameter]
        public MsStoreType? Type { get; set; }

        /// <summary><para type="description">The folder of the store's database, as the server sees it.</para></summary>
        [Parameter]
        public string? DatabasePath { get; set; }

        /// <summary><para type="description">The folder of the store's message content, as the server sees it.</para></summary>
        [Parameter]
        public string? ContentPath { get; set; }

        /// <summary><para type="description">The folder of the store's search indexes, as the server sees it.</para></summary>
        [Parameter]
        public string? IndexPath { get; set; }

        /// <summary><para type="description">The database server of a SQLServer or PostgreSQL store.</para></summary>
        [Parameter]
        public string? ServerName { get; set; }

        /// <summary><para type="description">The database name of a SQLServer or PostgreSQL store.</para></summary>
        [Parameter]
        public string? DatabaseName { get; set; }

        /// <summary><para type="description">The database account of a SQLServer or PostgreSQL store.</para></summary>
        [Parameter]
        [Credential]
        public PSCredential? DatabaseCredential { get; set; }

        /// <summary>The parameters given, for the core; the password leaves the credential only here.</summary>
        private protected MsStoreLocation Location() => new MsStoreLocation
        {
            Type = Type,
            DatabasePath = DatabasePath,
            ContentPath = ContentPath,
            IndexPath = IndexPath,
            ServerName = ServerName,
            DatabaseName = DatabaseName,
            UserName = DatabaseCredential?.UserName,
            Password = DatabaseCredential?.GetNetworkCredential().Password,
        };
    }
}
