using System;
using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary>
    /// The time range Get-MsJobResult and Get-MsWorkerResult share: -From/-To (set Range) or -Last (set Last, the
    /// cmdlets' default set). The core fills in the defaults.
    /// </summary>
    public abstract class ResultRangeCmdlet : MsCmdlet
    {
        private protected const string RangeSet = "Range";
        private protected const string LastSet = "Last";

        /// <summary><para type="description">Start of the range (included), in your time. Default: 24 hours before -To.</para></summary>
        [Parameter(ParameterSetName = RangeSet)]
        public DateTime? From { get; set; }

        /// <summary><para type="description">End of the range (excluded), in your time. Default: now.</para></summary>
        [Parameter(ParameterSetName = RangeSet)]
        public DateTime? To { get; set; }

        /// <summary><para type="description">The range as a length up to now, such as (New-TimeSpan -Days 7). Default: 24 hours.</para></summary>
        [Parameter(ParameterSetName = LastSet)]
        public TimeSpan? Last { get; set; }
    }
}
