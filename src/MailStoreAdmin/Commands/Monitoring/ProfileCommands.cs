using System.Collections;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary><para type="synopsis">Gets archiving profiles: connector, owner and server-side execution, with the raw settings.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsProfile", DefaultParameterSetName = "Name")]
    [OutputType(typeof(MsProfile))]
    public sealed class GetMsProfileCommand : MsCmdlet
    {
        /// <summary><para type="description">Profile name; wildcards allowed.</para></summary>
        [Parameter(Position = 0, ParameterSetName = "Name")]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary><para type="description">Profile ids.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [Alias("ProfileId")]
        public int[]? Id { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsProfileOperations.GetProfilesAsync(connection, Name, Id, context, token));
    }

    /// <summary><para type="synopsis">Runs an archiving profile now and follows the run to its end.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "MsProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class StartMsProfileCommand : ProfileIdCmdlet
    {
        /// <summary><para type="description">Returns the task handle at once instead of waiting.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsProfileOperations.RunProfileAsync(connection, Id, NoWait, context, token));
    }

    /// <summary><para type="synopsis">Changes a profile's server-side execution (automatic runs, pause, maintenance windows).</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsProfile))]
    public sealed class SetMsProfileCommand : ProfileIdCmdlet
    {
        /// <summary><para type="description">The settings to change: automatic, automaticPauseBetweenExecutions (minutes), automaticMaintenanceWindows.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Hashtable? ServerSideExecution { get; set; }

        /// <summary><para type="description">Writes the profile as the server has it afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var settings = (IDictionary)PowerShellValues.ToPlain(ServerSideExecution)!;
            Run((connection, context, token) => MsProfileOperations.SetServerSideExecutionAsync(connection, Id, settings, PassThru, context, token));
        }
    }

    /// <summary><para type="synopsis">Deletes an archiving profile.</para></summary>
    [Cmdlet(VerbsCommon.Remove, "MsProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveMsProfileCommand : ProfileIdCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsProfileOperations.RemoveProfileAsync(connection, Id, context, token));
    }

    /// <summary><para type="synopsis">Creates an archiving profile from its raw properties.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsProfile))]
    public sealed class NewMsProfileCommand : ProfilePropertiesCmdlet
    {
        protected override void ProcessRecord()
        {
            var properties = PlainProperties();
            Run((connection, context, token) => MsProfileOperations.NewProfileAsync(connection, properties, context, token));
        }
    }

    /// <summary><para type="synopsis">Runs a profile once from its raw properties without saving it.</para></summary>
    [Cmdlet(VerbsLifecycle.Start, "MsTemporaryProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class StartMsTemporaryProfileCommand : ProfilePropertiesCmdlet
    {
        /// <summary><para type="description">Returns the task handle at once instead of waiting.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord()
        {
            var properties = PlainProperties();
            Run((connection, context, token) => MsProfileOperations.RunTemporaryProfileAsync(connection, properties, NoWait, context, token));
        }
    }
}
