using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary><para type="synopsis">Gets scheduled jobs with their typed schedules.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsJob", DefaultParameterSetName = "Name")]
    [OutputType(typeof(MsJob))]
    public sealed class GetMsJobCommand : MsCmdlet
    {
        /// <summary><para type="description">Job name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = "Name")]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Job ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        public int[]? Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.GetJobsAsync(connection, Name, Id, context, token));
    }

    /// <summary><para type="synopsis">Creates a scheduled job that runs an API function.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = DailySet)]
    [OutputType(typeof(MsJob))]
    public sealed class NewMsJobCommand : JobScheduleCmdlet
    {
        /// <summary><para type="description">The job's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string? Name { get; set; }

        /// <summary><para type="description">The API function the job runs, such as VerifyStore or CreateBackup.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string? Action { get; set; }

        /// <summary><para type="description">The job's owner. Default: the connection's user.</para></summary>
        [Parameter]
        public string? Owner { get; set; }

        protected override void ProcessRecord()
        {
            Run((connection, context, token) => MsJobOperations.NewJobAsync(connection, Name!, Action!, Owner, Schedule()!, context, token));
        }
    }

    /// <summary><para type="synopsis">Renames a job, changes its schedule, or enables or disables it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "NoSchedule")]
    [OutputType(typeof(MsJob))]
    public sealed class SetMsJobCommand : JobScheduleCmdlet
    {
        /// <summary><para type="description">The job id; binds from Get-MsJob output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("JobId")]
        public int Id { get; set; }

        /// <summary><para type="description">The job's new name.</para></summary>
        [Parameter]
        public string? NewName { get; set; }

        /// <summary><para type="description">-Enabled enables the job, -Enabled:$false disables it.</para></summary>
        [Parameter]
        public SwitchParameter Enabled { get; set; }

        /// <summary><para type="description">Writes the job as the server has it afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            bool? enabled = MyInvocation.BoundParameters.ContainsKey(nameof(Enabled)) ? Enabled.IsPresent : (bool?)null;
            Run((connection, context, token) =>
            {
                var schedule = Schedule();
                return MsJobOperations.SetJobAsync(connection, Id, NewName, schedule, enabled, PassThru, context, token);
            });
        }
    }

    /// <summary><para type="synopsis">Enables a scheduled job.</para></summary>
    [Cmdlet(VerbsLifecycle.Enable, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsJob))]
    public sealed class EnableMsJobCommand : JobEnabledCmdlet
    {
        private protected override bool Enable => true;
    }

    /// <summary><para type="synopsis">Disables a scheduled job.</para></summary>
    [Cmdlet(VerbsLifecycle.Disable, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsJob))]
    public sealed class DisableMsJobCommand : JobEnabledCmdlet
    {
        private protected override bool Enable => false;
    }

    /// <summary><para type="synopsis">Deletes a scheduled job.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsJobCommand : JobIdCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.RemoveJobAsync(connection, Id, context, token));
    }

    /// <summary><para type="synopsis">Runs a job now; with -Wait, follows the run to its result.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsJobResult))]
    public sealed class StartMsJobCommand : JobIdCmdlet
    {
        /// <summary><para type="description">Waits for the run to end and writes its result (read from the job results).</para></summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.StartJobAsync(connection, Id, Wait, context, token));
    }

    /// <summary><para type="synopsis">Cancels the running job.</para></summary>
    [Cmdlet(VerbsLifecycle.Stop, "MsJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopMsJobCommand : JobIdCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.StopJobAsync(connection, Id, context, token));
    }

    /// <summary><para type="synopsis">Gets the results of job runs in a time range.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsJobResult", DefaultParameterSetName = LastSet)]
    [OutputType(typeof(MsJobResult))]
    public sealed class GetMsJobResultCommand : ResultRangeCmdlet
    {
        /// <summary><para type="description">Only the runs of this job; binds from Get-MsJob output.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        public int? JobId { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsJobOperations.GetJobResultsAsync(connection, From, To, Last, JobId, context, token));
    }
}
