using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Recounts the message and size statistics of all stores (RefreshAllStoreStatistics) as a server task.</para></summary>
    [Cmdlet(VerbsData.Update, "MsStoreStatistic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class UpdateMsStoreStatisticCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.RefreshStoreStatisticsAsync(connection, NoWait, context, token));
    }
}
