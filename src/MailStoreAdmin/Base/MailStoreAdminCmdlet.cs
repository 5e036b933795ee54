using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Pipeline;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// The PowerShell wiring every cmdlet shares: Ctrl+C (StopProcessing) cancels the running work, the work runs
    /// asynchronously while everything it reports is written on the pipeline thread, and core errors become
    /// ErrorRecords. A cmdlet only declares parameters and calls <see cref="Run"/>.
    /// </summary>
    public abstract class MailStoreAdminCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _debugEnabled;

        protected override void BeginProcessing()
        {
            _debugEnabled = IsDebugEnabled();
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs <paramref name="work"/> to completion on the thread pool, pumping its output here. A core error
        /// becomes a non-terminating error record (so one bad pipeline item does not end the others) unless
        /// <paramref name="terminating"/> is set.
        /// </summary>
        protected void Run(Func<CmdletContext, CancellationToken, Task> work, bool terminating = false)
        {
            var context = default(CmdletContext);
            try
            {
                PipelinePump.Run((pump, token) =>
                {
                    context = new CmdletContext(this, pump, _debugEnabled);
                    return work(context, token);
                }, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (MailStoreAdminException e)
            {
                var record = ErrorRecords.From(e);
                if (terminating) ThrowTerminatingError(record);
                WriteError(record);
            }
            finally
            {
                context?.CompleteProgress();
            }
        }

        private bool IsDebugEnabled()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)) return ((SwitchParameter)debug).IsPresent;
            var preference = GetVariableValue("DebugPreference");
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue
                || preference is PSObject ps && ps.BaseObject is ActionPreference wrapped && wrapped != ActionPreference.SilentlyContinue;
        }

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
