using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Folders
{
    /// <summary><para type="synopsis">Gets message counts and sizes per archive folder (GetFolderStatistics, long-running: progress, Ctrl+C cancels).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsFolderStatistic")]
    [OutputType(typeof(MsFolderStatistic))]
    public sealed class GetMsFolderStatisticCommand : MsCmdlet
    {
        /// <summary><para type="description">Writes only folders whose path matches this wildcard pattern (the server always counts all).</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Folder { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsFolderOperations.GetStatisticsAsync(connection, Folder, context, token));
    }
}
