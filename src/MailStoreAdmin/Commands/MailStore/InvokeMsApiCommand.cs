using System.Collections;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Completion;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Calls any MailStore API function and writes its result objects.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsApi", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject), typeof(MsTask))]
    public sealed class InvokeMsApiCommand : MsCmdlet
    {
        /// <summary><para type="description">The function name as get-metadata lists it (tab-completes).</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(MsApiFunctionNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">Arguments by name; values are encoded by the function's metadata types.</para></summary>
        [Parameter(Position = 1)]
        public IDictionary? Arguments { get; set; }

        /// <summary><para type="description">Returns a task handle at once instead of waiting for a long-running function.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord()
        {
            var arguments = PowerShellValues.ToArguments(Arguments);
            Run((connection, context, token) => MsApiOperations.InvokeAsync(connection, Name, arguments, NoWait, context, token));
        }
    }
}
