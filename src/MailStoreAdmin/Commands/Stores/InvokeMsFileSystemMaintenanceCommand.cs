using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Maintains the file system databases of all stores (MaintainFileSystemDatabases) as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsFileSystemMaintenance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsFileSystemMaintenanceCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.MaintainFileSystemDatabasesAsync(connection, NoWait, context, token));
    }
}
