using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Stops SPE instances: one StopInstances task for all ids, with progress.</para></summary>
    [Cmdlet(VerbsLifecycle.Stop, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsInstance), typeof(MsTaskResult), typeof(MsTask))]
    public sealed class StopMsInstanceCommand : InstanceStateCmdlet
    {
        private protected override MsInstanceAction Action => MsInstanceAction.Stop;
    }
}
