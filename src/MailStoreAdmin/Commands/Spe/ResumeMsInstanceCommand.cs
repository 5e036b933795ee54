using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Thaws frozen SPE instances (ThawInstances).</para></summary>
    [Cmdlet(VerbsLifecycle.Resume, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsInstance), typeof(MsTaskResult), typeof(MsTask))]
    public sealed class ResumeMsInstanceCommand : InstanceStateCmdlet
    {
        private protected override MsInstanceAction Action => MsInstanceAction.Thaw;
    }
}
