using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Starts SPE instances: one StartInstances task for all ids, with progress.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsInstance), typeof(MsTaskResult), typeof(MsTask))]
    public sealed class StartMsInstanceCommand : InstanceStateCmdlet
    {
        private protected override MsInstanceAction Action => MsInstanceAction.Start;
    }
}
