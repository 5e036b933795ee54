using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// <para type="synopsis">Verifies an archive store on the server, with a progress bar; Ctrl+C cancels the server task.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsVerifyStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = "Id")]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsVerifyStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(MailStoreAdmin.Completion.MsStoreIdCompleter))]
        public int Id { get; set; }

        /// <summary><para type="description">Verifies every store in one server task (VerifyStores).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = "All")]
        public SwitchParameter All { get; set; }

        /// <summary><para type="description">Also verifies the store's search indexes.</para></summary>
        [Parameter]
        public SwitchParameter IncludeIndexes { get; set; }

        /// <summary><para type="description">Returns the running task (for Wait-MsTask / Stop-MsTask) instead of waiting.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => All
                ? MsMaintenanceOperations.VerifyAllStoresAsync(connection, IncludeIndexes, NoWait, context, token)
                : MsStoreOperations.VerifyStoreAsync(connection, Id, IncludeIndexes, NoWait, context, token));
    }
}
