using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Changes properties of the store auto-create configuration; every other property is written back as the server returned it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsStoreAutoCreateConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsStoreAutoCreateConfigurationCommand : MsConfigurationCmdlet
    {
        protected override void ProcessRecord()
        {
            var changes = Changes();
            Run((connection, context, token) => MsStoreAutoCreateOperations.SetConfigurationAsync(connection, changes, PassThru, context, token));
        }
    }
}
