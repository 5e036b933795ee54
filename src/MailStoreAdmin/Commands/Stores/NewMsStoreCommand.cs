using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Creates an archive store (CreateStore), by name or as the store of a year.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(MsStore))]
    public sealed class NewMsStoreCommand : MsStoreLocationCmdlet
    {
        private const string NameSet = "Name";
        private const string YearSet = "Year";

        /// <summary><para type="description">The store's name; with -Year, a pattern whose {0} is replaced by the year.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 0, ParameterSetName = YearSet)]
        public string? Name { get; set; }

        /// <summary><para type="description">Creates the store of this year, named after the -Name pattern (default 'Archive {0}').</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = YearSet)]
        public int Year { get; set; }

        /// <summary><para type="description">The state the new store starts in: Normal, WriteProtected or Disabled.</para></summary>
        [Parameter]
        public MsStoreState? RequestedState { get; set; }

        protected override void ProcessRecord()
        {
            var location = Location();
            var year = ParameterSetName == YearSet ? Year : (int?)null;
            // The name is formed inside the operation so that a bad pattern is an error record like any other.
            Run((connection, context, token) => MsStoreChangeOperations.AddStoreAsync(connection,
                year is { } y ? MsStoreChangeOperations.YearlyStoreName(Name, y) : Name!, location, RequestedState, false, context, token));
        }
    }
}
