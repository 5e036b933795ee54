using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary>
    /// Base of the cmdlets that change instances by id (start, stop, restart, freeze, thaw, delete): ids from the
    /// pipeline are collected and sent in ONE call at the end, as the API takes a list.
    /// </summary>
    public abstract class InstanceListCmdlet : MsConnectionCmdlet
    {
        private readonly List<string> _ids = new List<string>();

        /// <summary><para type="description">Instance ids (wildcards allowed); binds the InstanceId property of Get-MsInstance output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceId")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary><para type="description">Returns the task handle at once instead of waiting for the task.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        private protected abstract MsInstanceAction Action { get; }

        private protected virtual bool PassThruRequested => false;

        protected override void ProcessRecord() => _ids.AddRange(Id);

        protected override void EndProcessing() =>
            Run((connection, context, token) => MsInstanceOperations.ChangeStateAsync(connection, _ids, Action, NoWait, PassThruRequested, context, token));
    }

    /// <summary>An instance state change that can write the instances afterwards.</summary>
    public abstract class InstanceStateCmdlet : InstanceListCmdlet
    {
        /// <summary><para type="description">Writes the instances as they are after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override bool PassThruRequested => PassThru;
    }
}
