using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary>The -Id of one scheduled job, shared by the cmdlets that act on a job from Get-MsJob output.</summary>
    public abstract class JobIdCmdlet : MsCmdlet
    {
        /// <summary><para type="description">The job id; binds from Get-MsJob output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        public int Id { get; set; }
    }

    /// <summary>The parameters Enable-MsJob and Disable-MsJob share: the job id and -PassThru.</summary>
    public abstract class JobEnabledCmdlet : JobIdCmdlet
    {
        /// <summary><para type="description">Writes the job afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }
    }
}
