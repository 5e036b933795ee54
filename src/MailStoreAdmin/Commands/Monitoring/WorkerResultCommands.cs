using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary><para type="synopsis">Gets profile runs (worker results) for any time range, splitting ranges the server cannot serve.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsWorkerResult", DefaultParameterSetName = LastSet)]
    [OutputType(typeof(MsWorkerResult))]
    public sealed class GetMsWorkerResultCommand : ResultRangeCmdlet
    {
        /// <summary><para type="description">Only the runs of this profile; binds from Get-MsProfile output.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public int? ProfileId { get; set; }

        /// <summary><para type="description">Only the runs of profiles owned by this user.</para></summary>
        [Parameter]
        public string? UserName { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsWorkerResultOperations.GetWorkerResultsAsync(connection, From, To, Last, ProfileId, UserName, context, token));
    }

    /// <summary><para type="synopsis">Gets the report of one profile run.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsWorkerResultReport")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsWorkerResultReportCommand : MsCmdlet
    {
        /// <summary><para type="description">The worker result id; binds from Get-MsWorkerResult output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public long Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsWorkerResultOperations.GetReportAsync(connection, Id, context, token));
    }
}
