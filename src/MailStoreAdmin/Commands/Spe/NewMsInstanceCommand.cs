using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Creates an SPE instance (CreateInstance, a long-running task).</para></summary>
    [Cmdlet(VerbsCommon.New, "MsInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsInstance), typeof(MsTask))]
    public sealed class NewMsInstanceCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">The new instance's id: letters, digits, '-' and '_'.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("InstanceId")]
        public string Id { get; set; } = string.Empty;

        /// <summary><para type="description">The instance host that runs the instance (Get-MsInstanceHost lists them).</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string InstanceHost { get; set; } = string.Empty;

        /// <summary><para type="description">The name shown for the instance, usually the customer's.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">The instance's base directory on its host (New-MsInstanceHostDirectory creates one).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? BaseDirectory { get; set; }

        /// <summary><para type="description">An alternative name of the instance (the API's alias).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? InstanceAlias { get; set; }

        /// <summary><para type="description">How the instance starts: automatic or manual.</para></summary>
        [Parameter]
        [ValidateSet("automatic", "manual")]
        public string? StartMode { get; set; }

        /// <summary><para type="description">Returns the task handle at once instead of waiting for the task.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord()
        {
            var settings = MsConfigObject.Given(("displayName", DisplayName), ("baseDirectory", BaseDirectory), ("alias", InstanceAlias), ("startMode", StartMode));
            Run((connection, context, token) => MsInstanceOperations.NewInstanceAsync(connection, Id, InstanceHost, settings, NoWait, context, token));
        }
    }
}
