using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Backs up the server's archive to a folder on the server (CreateBackup), as a server task.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsBackup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class NewMsBackupCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">The backup folder, as the server sees it (a local or UNC path).</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string? Path { get; set; }

        /// <summary><para type="description">Leaves the search indexes out (smaller; they are rebuilt after a restore).</para></summary>
        [Parameter]
        public SwitchParameter ExcludeSearchIndexes { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.CreateBackupAsync(connection, Path!, ExcludeSearchIndexes, NoWait, context, token));
    }
}
