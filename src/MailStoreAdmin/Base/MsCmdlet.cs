using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// Base of every instance-level MailStore API cmdlet (users, stores, profiles, jobs, ...). On SPE it adds the instance
    /// scope: -InstanceId (bound by property name, so `Get-MsInstance | Get-MsUser` works) runs the cmdlet's operation
    /// against that instance, and instance ids from the pipeline run several instances at once (-ThrottleLimit), each
    /// result tagged with its instance, one instance's failure an error record that does not stop the others. Without
    /// -InstanceId the connection's own instance (Connect-MsServer -InstanceId) applies. Cmdlets only call Run.
    /// </summary>
    public abstract class MsCmdlet : MsConnectionCmdlet
    {
        public const int DefaultInstanceThrottleLimit = 4;
        private PipelineTextDefaults? _pipelineDefaults;

        /// <summary><para type="description">SPE: the instance to run in (binds the InstanceId property of Get-MsInstance output). Default: the connection's instance.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? InstanceId { get; set; }

        /// <summary>
        /// <para type="description">SPE: an instance from Get-MsInstance, piped in; the same as -InstanceId with its id.</para>
        /// </summary>
        // Taking MsInstance by value also keeps PowerShell from converting a piped instance to text for another
        // parameter that takes strings from the pipeline (Get-MsUser -Name would otherwise receive the instance id).
        [Parameter(ValueFromPipeline = true)]
        public MsInstance? Instance { get; set; }

        /// <summary><para type="description">SPE: how many instances from the pipeline run at once.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultInstanceThrottleLimit;

        /// <summary>Whether -ThrottleLimit was given (a cmdlet may use it for its own concurrency too).</summary>
        protected bool ThrottleLimitGiven => MyInvocation.BoundParameters.ContainsKey(nameof(ThrottleLimit));

        /// <summary>
        /// The limit for a cmdlet's own concurrent calls within one instance (GetUserInfo lookups, permission changes):
        /// -ThrottleLimit when given, else <paramref name="defaultLimit"/>.
        /// </summary>
        protected int CallLimit(int defaultLimit) => ThrottleLimitGiven ? ThrottleLimit : defaultLimit;

        private protected override void RunOn(MsConnection connection, Func<MsConnection, OperationContext, CancellationToken, Task> work,
            bool terminating)
        {
            if (Instance != null) _pipelineDefaults?.Restore(this, Instance.ToString());
            var instanceId = InstanceId ?? Instance?.InstanceId;
            if (instanceId == null)
            {
                base.RunOn(connection, work, terminating);
                return;
            }
            Task Scoped(OperationContext context, CancellationToken token) => MsInstanceScope.RunAsync(connection, instanceId, work, context, token);
            if (terminating) Run(Scoped, terminating: true);
            else RunConcurrently(Scoped, ThrottleLimit);
        }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _pipelineDefaults = PipelineTextDefaults.Capture(this);
        }

        /// <summary>Waits for the instances still running. A cmdlet overriding EndProcessing calls this base first.</summary>
        protected override void EndProcessing()
        {
            CompleteConcurrent();
            base.EndProcessing();
        }
    }
}
