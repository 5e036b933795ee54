using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Turns legal hold off: deletions and retention policies apply again.</para></summary>
    [Cmdlet(VerbsLifecycle.Disable, "MsLegalHold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class DisableMsLegalHoldCommand : MsCmdlet
    {
        /// <summary><para type="description">Writes the compliance configuration after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsComplianceOperations.SetLegalHoldAsync(connection, false, PassThru, context, token));
    }
}
