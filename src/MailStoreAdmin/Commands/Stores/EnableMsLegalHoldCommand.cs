using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Turns legal hold on: no message can be deleted from the archive, by users, retention policies or administrators, until it is turned off.</para></summary>
    [Cmdlet(VerbsLifecycle.Enable, "MsLegalHold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class EnableMsLegalHoldCommand : MsCmdlet
    {
        /// <summary><para type="description">Writes the compliance configuration after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsComplianceOperations.SetLegalHoldAsync(connection, true, PassThru, context, token));
    }
}
