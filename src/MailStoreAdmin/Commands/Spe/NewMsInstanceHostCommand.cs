using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Registers a new SPE instance host with the management server.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsInstanceHost", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class NewMsInstanceHostCommand : InstanceHostSettingsCmdlet
    {
        protected override void ProcessRecord()
        {
            var settings = Settings();
            Run((connection, context, token) => MsSpeServerOperations.NewAsync(connection, MsSpeServerKind.InstanceHost, Name, settings, context, token));
        }
    }
}
