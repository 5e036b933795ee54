using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Lists the MailStore connections opened in this session.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsConnection")]
    [OutputType(typeof(MsConnection))]
    public sealed class GetMsConnectionCommand : PSCmdlet
    {
        /// <summary><para type="description">Only the default connection, which cmdlets use without -Connection.</para></summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void EndProcessing()
        {
            if (Default)
            {
                var current = ModuleState.MailStore.GetDefault(ModuleState.Scope);
                if (current != null) WriteObject(current);
                return;
            }
            WriteObject(ModuleState.MailStore.GetAll(ModuleState.Scope), enumerateCollection: true);
        }
    }
}
