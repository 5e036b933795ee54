using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Detaches an archive store from the server (DetachStore); its files stay where they are.</para></summary>
    [Cmdlet(VerbsData.Dismount, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class DismountMsStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsStoreChangeOperations.DismountStoreAsync(connection, Id, context, token));
    }
}
