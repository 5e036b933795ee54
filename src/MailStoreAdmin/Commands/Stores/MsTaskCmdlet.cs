using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>Base of the cmdlets that run a server task: -NoWait returns the task for Wait-MsTask / Stop-MsTask.</summary>
    public abstract class MsTaskCmdlet : MsCmdlet
    {
        /// <summary><para type="description">Returns the running task (for Wait-MsTask / Stop-MsTask) instead of waiting.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }
    }
}
