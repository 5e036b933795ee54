using System.Management.Automation;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Applies the retention policies now (ProcessRetentionPolicies): deletes the messages past their retention period.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsRetentionPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsRetentionPolicyCommand : MsTaskCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsRetentionOperations.ProcessPoliciesAsync(connection, NoWait, context, token));
    }
}
