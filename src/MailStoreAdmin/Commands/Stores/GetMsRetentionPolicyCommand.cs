using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Gets the retention policies (GetRetentionPolicies).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsRetentionPolicy")]
    [OutputType(typeof(MsRetentionPolicy))]
    public sealed class GetMsRetentionPolicyCommand : MsCmdlet
    {
        /// <summary><para type="description">Policy name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsRetentionOperations.GetPoliciesAsync(connection, Name, context, token));
    }
}
