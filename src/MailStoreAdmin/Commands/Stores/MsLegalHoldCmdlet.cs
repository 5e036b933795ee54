using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>Enable-MsLegalHold and Disable-MsLegalHold: the same change of the compliance configuration, on or off.</summary>
    public abstract class MsLegalHoldCmdlet : MsCmdlet
    {
        /// <summary><para type="description">Writes the compliance configuration after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True to turn legal hold on, false to turn it off.</summary>
        private protected abstract bool LegalHold { get; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsComplianceOperations.SetLegalHoldAsync(connection, LegalHold, PassThru, context, token));
    }
}
