using System.Management.Automation;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Changes an archive store's requested state (write protection) or its location properties.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsStore))]
    public sealed class SetMsStoreCommand : MsStoreLocationCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">The state to put the store in: Normal, WriteProtected or Disabled.</para></summary>
        [Parameter]
        public MsStoreState? RequestedState { get; set; }

        /// <summary><para type="description">Writes the store as the server lists it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var location = Location();
            Run((connection, context, token) => MsStoreChangeOperations.SetStoreAsync(connection, Id, RequestedState, location, PassThru, context, token));
        }
    }
}
