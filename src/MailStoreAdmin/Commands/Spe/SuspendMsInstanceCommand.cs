using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Freezes SPE instances (FreezeInstances): they keep running but refuse access until thawed.</para></summary>
    [Cmdlet(VerbsLifecycle.Suspend, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsInstance), typeof(MsTaskResult), typeof(MsTask))]
    public sealed class SuspendMsInstanceCommand : InstanceStateCmdlet
    {
        private protected override MsInstanceAction Action => MsInstanceAction.Freeze;
    }
}
