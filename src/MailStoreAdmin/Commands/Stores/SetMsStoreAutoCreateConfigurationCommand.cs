using System.Collections;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Changes properties of the store auto-create configuration; every other property is written back as the server returned it.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsStoreAutoCreateConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsStoreAutoCreateConfigurationCommand : MsCmdlet
    {
        /// <summary><para type="description">The properties to change and their new values, by the names the server uses.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary><para type="description">Writes the configuration as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var changes = (IDictionary)PowerShellValues.ToPlain(Property)!;
            Run((connection, context, token) => MsStoreAutoCreateOperations.SetConfigurationAsync(connection, changes, PassThru, context, token));
        }
    }
}
