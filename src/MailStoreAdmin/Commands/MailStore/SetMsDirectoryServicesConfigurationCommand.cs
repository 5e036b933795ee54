using System;
using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// <para type="synopsis">Writes the directory services configuration: the object from Get-MsDirectoryServicesConfiguration after editing its properties.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "MsDirectoryServicesConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsDirectoryServicesConfigurationCommand : MsCmdlet
    {
        /// <summary><para type="description">The configuration: the object from Get-MsDirectoryServicesConfiguration (edited), a hashtable, or JSON text.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary><para type="description">The directory account's password, written into the configuration's password property (the server never returns it).</para></summary>
        [Parameter]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">Writes the configuration as the server returns it after the change.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var input = PowerShellValues.ToPlain(InputObject);
            var password = Password == null ? null : SecretText.ToPlain(Password);
            Run((connection, context, token) =>
                MsDirectoryServicesOperations.SetConfigurationAsync(connection, input, password, PassThru, context, token));
        }
    }
}
