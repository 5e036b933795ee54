using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Deletes SPE instances (DeleteInstances): one task for all ids. This cannot be undone.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class RemoveMsInstanceCommand : InstanceListCmdlet
    {
        private protected override MsInstanceAction Action => MsInstanceAction.Delete;
    }
}
