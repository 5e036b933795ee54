using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Retries opening the stores that failed to open (RetryOpenStores), for example after a storage outage.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsStoreRetryOpen", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsStoreRetryOpenCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.RetryOpenStoresAsync(connection, NoWait, context, token));
    }
}
