using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Compacts the server's master database (CompactMasterDatabase) as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsMasterDatabaseCompaction", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsMasterDatabaseCompactionCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.CompactMasterDatabaseAsync(connection, NoWait, context, token));
    }
}
