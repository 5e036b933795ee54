using System.Management.Automation;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Turns legal hold off: deletions and retention policies apply again.</para></summary>
    [Cmdlet(VerbsLifecycle.Disable, "MsLegalHold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class DisableMsLegalHoldCommand : MsLegalHoldCmdlet
    {
        private protected override bool LegalHold => false;
    }
}
