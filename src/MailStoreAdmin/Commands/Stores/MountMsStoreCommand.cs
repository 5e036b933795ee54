using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Attaches an existing archive store to the server (AttachStore).</para></summary>
    [Cmdlet(VerbsData.Mount, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsStore))]
    public sealed class MountMsStoreCommand : MsStoreLocationCmdlet
    {
        /// <summary><para type="description">The name the store gets on this server.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary><para type="description">The state the store is attached in: Normal, WriteProtected or Disabled.</para></summary>
        [Parameter]
        public MsStoreState? RequestedState { get; set; }

        protected override void ProcessRecord()
        {
            var location = Location();
            Run((connection, context, token) => MsStoreChangeOperations.AddStoreAsync(connection, Name!, location, RequestedState, true, context, token));
        }
    }
}
