using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Changes settings of SPE instances: read-modify-write, every other setting kept as the server has it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsInstanceConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsInstanceConfigurationCommand : MsCmdlet
    {
        /// <summary><para type="description">The name shown for the instance.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DisplayName { get; set; }

        /// <summary><para type="description">An alternative name of the instance (the API's alias).</para></summary>
        [Parameter]
        public string? InstanceAlias { get; set; }

        /// <summary><para type="description">The instance host that runs the instance.</para></summary>
        [Parameter]
        public string? InstanceHost { get; set; }

        /// <summary><para type="description">The instance's base directory on its host.</para></summary>
        [Parameter]
        public string? BaseDirectory { get; set; }

        /// <summary><para type="description">How the instance starts: automatic or manual.</para></summary>
        [Parameter]
        [ValidateSet("automatic", "manual")]
        public string? StartMode { get; set; }

        /// <summary><para type="description">Turns the instance's debug log on (or off with -DebugLogEnabled:$false).</para></summary>
        [Parameter]
        public SwitchParameter DebugLogEnabled { get; set; }

        /// <summary><para type="description">Turns the IMAP server connection log on or off.</para></summary>
        [Parameter]
        public SwitchParameter ImapServerConnectionLogEnabled { get; set; }

        /// <summary><para type="description">Turns the instance's VSS writer on or off.</para></summary>
        [Parameter]
        public SwitchParameter VssWriterEnabled { get; set; }

        /// <summary><para type="description">Excludes the search indexes from VSS snapshots, or includes them again.</para></summary>
        [Parameter]
        public SwitchParameter VssWriterExcludeIndexes { get; set; }

        /// <summary><para type="description">Other settings by their API name (also ones this module does not know), e.g. @{ someSetting = 1 }.</para></summary>
        [Parameter]
        public IDictionary? Property { get; set; }

        /// <summary><para type="description">Writes the configuration as sent.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = MsConfigObject.Given(("displayName", DisplayName), ("alias", InstanceAlias), ("instanceHost", InstanceHost),
                ("baseDirectory", BaseDirectory), ("startMode", StartMode), ("debugLogEnabled", Switch(nameof(DebugLogEnabled))),
                ("imapServerConnectionLogEnabled", Switch(nameof(ImapServerConnectionLogEnabled))), ("vssWriterEnabled", Switch(nameof(VssWriterEnabled))),
                ("vssWriterExcludeIndexes", Switch(nameof(VssWriterExcludeIndexes))));
            changes.AddRange(PowerShellValues.ToArguments(Property));
            Run((connection, context, token) => MsInstanceOperations.SetConfigurationAsync(connection, changes, PassThru, context, token));
        }

        private object? Switch(string name) => PowerShellValues.BoundSwitch(MyInvocation, name);
    }
}
