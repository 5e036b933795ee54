using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Upgrades one archive store (UpgradeStore) or all of them (UpgradeStores) after a server update, as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsStoreUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsStoreUpgradeCommand : MsTaskCmdlet
    {
        private const string IdSet = "Id";
        private const string AllSet = "All";

        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">Upgrades every store that needs it, in one server task.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => ParameterSetName == AllSet
                ? MsMaintenanceOperations.UpgradeAllStoresAsync(connection, NoWait, context, token)
                : MsMaintenanceOperations.UpgradeStoreAsync(connection, Id, NoWait, context, token));
    }
}
