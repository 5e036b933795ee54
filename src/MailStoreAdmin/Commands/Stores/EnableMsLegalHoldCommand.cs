using System.Management.Automation;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Turns legal hold on: no message can be deleted from the archive, by users, retention policies or administrators, until it is turned off.</para></summary>
    [Cmdlet(VerbsLifecycle.Enable, "MsLegalHold", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class EnableMsLegalHoldCommand : MsLegalHoldCmdlet
    {
        private protected override bool LegalHold => true;
    }
}
