using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Operations;
using MailStoreAdmin.Core.Sessions;
using MailStoreAdmin.Core.Text;

namespace MailStoreAdmin.Base
{
    /// <summary>
    /// The PowerShell wiring every cmdlet shares: Ctrl+C (StopProcessing) cancels the running work, the work (one
    /// core operation) runs asynchronously while everything it reports through its <see cref="OperationContext"/> is
    /// written on the pipeline thread, and core errors become ErrorRecords. A cmdlet only declares parameters and
    /// calls <see cref="Run"/> (or ConnectedCmdlet.Run) with one operation.
    /// </summary>
    public abstract class MailStoreAdminCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _debugEnabled;
        private bool _verboseEnabled;
        private (PipelinePump Pump, FanOutRunner Runner, CmdletContext Context)? _fanOut;

        protected override void BeginProcessing()
        {
            _debugEnabled = IsStreamEnabled("Debug");
            _verboseEnabled = IsStreamEnabled("Verbose");
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs <paramref name="work"/> to completion on the thread pool, pumping its output here. A core error
        /// becomes a non-terminating error record (so one bad pipeline item does not end the others) unless
        /// <paramref name="terminating"/> is set.
        /// </summary>
        protected void Run(Func<OperationContext, CancellationToken, Task> work, bool terminating = false)
        {
            var context = default(CmdletContext);
            try
            {
                PipelinePump.Run((pump, token) =>
                {
                    context = new CmdletContext(this, pump, _debugEnabled, _verboseEnabled);
                    return work(context, token);
                }, value => WriteObject(PowerShellValues.ToPowerShell(value)), _stopping.Token);
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

        /// <summary>
        /// Starts <paramref name="work"/> beside the works of earlier pipeline inputs, at most
        /// <paramref name="throttleLimit"/> at once, and returns (after pumping output while waiting for a free slot).
        /// <see cref="CompleteConcurrent"/> (from EndProcessing) waits for the rest. A core error of one work is an error
        /// record; the others go on.
        /// </summary>
        protected void RunConcurrently(Func<OperationContext, CancellationToken, Task> work, int throttleLimit)
        {
            if (_fanOut == null)
            {
                var pump = PipelinePump.Open(value => WriteObject(PowerShellValues.ToPowerShell(value)), _stopping.Token);
                _fanOut = (pump, new FanOutRunner(pump, throttleLimit), new CmdletContext(this, pump, _debugEnabled, _verboseEnabled));
            }
            var (_, runner, context) = _fanOut.Value;
            RunFanOut(() => runner.Add(async token =>
            {
                try
                {
                    await work(context, token).ConfigureAwait(false);
                }
                catch (MailStoreAdminException e)
                {
                    context.WriteError(e);
                }
            }), complete: false);
        }

        /// <summary>Waits for the works of <see cref="RunConcurrently"/>, writing their output; nothing when none ran.</summary>
        protected void CompleteConcurrent() => RunFanOut(() => _fanOut?.Runner.Complete(), complete: true);

        private void RunFanOut(Action step, bool complete)
        {
            if (_fanOut == null) return;
            var ended = complete;
            try
            {
                step();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                ended = true;
                throw new PipelineStoppedException();
            }
            catch
            {
                ended = true;
                throw;
            }
            finally
            {
                if (ended)
                {
                    _fanOut.Value.Context.CompleteProgress();
                    _fanOut.Value.Pump.Dispose();
                    _fanOut = null;
                }
            }
        }

        /// <summary>
        /// Whether -Verbose/-Debug or the preference variable shows the stream: log lines nobody sees are not even
        /// handed to the pipeline thread (two per request), and bodies are not dumped.
        /// </summary>
        private bool IsStreamEnabled(string stream)
        {
            if (MyInvocation.BoundParameters.TryGetValue(stream, out var bound)) return ((SwitchParameter)bound).IsPresent;
            var preference = GetVariableValue(stream + "Preference");
            if (preference is PSObject ps) preference = ps.BaseObject;
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        public void Dispose()
        {
            _fanOut?.Pump.Dispose();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
