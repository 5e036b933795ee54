using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

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

    /// <summary>Enable-MsJob and Disable-MsJob: the job id and -PassThru, and the same change, on or off.</summary>
    public abstract class JobEnabledCmdlet : JobIdCmdlet
    {
        /// <summary><para type="description">Writes the job afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>True to enable the job, false to disable it.</summary>
        private protected abstract bool Enable { get; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.SetJobAsync(connection, Id, null, null, Enable, PassThru, context, token));
    }
}
