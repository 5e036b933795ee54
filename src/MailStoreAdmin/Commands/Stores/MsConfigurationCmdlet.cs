using System.Collections;
using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary>
    /// The parameters of the cmdlets that change a whole-object configuration by read-modify-write
    /// (Set-MsComplianceConfiguration, Set-MsStoreAutoCreateConfiguration): the properties to change and -PassThru.
    /// </summary>
    public abstract class MsConfigurationCmdlet : MsCmdlet
    {
        /// <summary><para type="description">The properties to change and their new values, by the names the server uses.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        /// <summary><para type="description">Writes the configuration as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>-Property as plain values, for the core.</summary>
        private protected IDictionary Changes() => (IDictionary)PowerShellValues.ToPlain(Property)!;
    }
}
