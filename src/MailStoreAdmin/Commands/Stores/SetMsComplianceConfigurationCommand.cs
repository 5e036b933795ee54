using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Changes properties of the compliance configuration; every other property is written back as the server returned it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsComplianceConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsComplianceConfigurationCommand : MsConfigurationCmdlet
    {
        protected override void ProcessRecord()
        {
            var changes = Changes();
            Run((connection, context, token) => MsComplianceOperations.SetConfigurationAsync(connection, changes, PassThru, context, token));
        }
    }
}
