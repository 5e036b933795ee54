using System;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary><para type="synopsis">Gets profile runs (worker results) for any time range, splitting ranges the server cannot serve.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsWorkerResult", DefaultParameterSetName = "Last")]
    [OutputType(typeof(MsWorkerResult))]
    public sealed class GetMsWorkerResultCommand : MsCmdlet
    {
        /// <summary><para type="description">Start of the range (included), in your time. Default: 24 hours before -To.</para></summary>
        [Parameter(ParameterSetName = "Range")]
        public DateTime? From { get; set; }

        /// <summary><para type="description">End of the range (excluded), in your time. Default: now.</para></summary>
        [Parameter(ParameterSetName = "Range")]
        public DateTime? To { get; set; }

        /// <summary><para type="description">The range as a length up to now, such as (New-TimeSpan -Days 7). Default: 24 hours.</para></summary>
        [Parameter(ParameterSetName = "Last")]
        public TimeSpan? Last { get; set; }

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
