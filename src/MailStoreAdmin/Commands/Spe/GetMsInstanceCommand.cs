using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets SPE instances with their state, host and, on request, size and process figures.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsInstance")]
    [OutputType(typeof(MsInstance))]
    public sealed class GetMsInstanceCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">Instance ids; wildcards filter, an exact id that matches nothing is an error. All instances without it.</para></summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceId")]
        [SupportsWildcards]
        public string[]? Id { get; set; }

        /// <summary><para type="description">Adds GetInstanceStatistics (size, messages) and, for running instances, GetInstanceProcessLiveStatistics.</para></summary>
        [Parameter]
        public SwitchParameter IncludeStatistics { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsInstanceOperations.GetInstancesAsync(connection, Id, IncludeStatistics, context, token));
    }
}
