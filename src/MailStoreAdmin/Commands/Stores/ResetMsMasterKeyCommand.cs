using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Renews the server's master key (RenewMasterKey) as a server task.</para></summary>
    [Cmdlet(VerbsCommon.Reset, "MsMasterKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class ResetMsMasterKeyCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsMaintenanceOperations.RenewMasterKeyAsync(connection, NoWait, context, token));
    }
}
