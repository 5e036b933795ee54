using System;
using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
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
            var configuration = DirectoryServicesConfigurationObject.ToPlain(InputObject!);
            if (configuration == null)
            {
                WriteError(new ErrorRecord(new ArgumentException(
                    "The input is not a directory services configuration. Pass the object from Get-MsDirectoryServicesConfiguration, a hashtable, or a JSON object text."),
                    "DirectoryServicesConfigurationInvalid", ErrorCategory.InvalidArgument, InputObject));
                return;
            }

            var passwordKey = DirectoryServicesConfigurationObject.FindPasswordKey(configuration);
            if (Password != null)
            {
                if (passwordKey == null)
                {
                    // Adding a key the server did not send could be the wrong name for this directory type.
                    WriteError(new ErrorRecord(new ArgumentException(
                        "The configuration has no 'password' property, so -Password has nowhere to go. Start from the object Get-MsDirectoryServicesConfiguration returns."),
                        "DirectoryServicesConfigurationHasNoPassword", ErrorCategory.InvalidArgument, InputObject));
                    return;
                }
                // Only the copy that is sent gets the password; the caller's object stays without it.
                configuration[passwordKey] = SecureStringTransformationAttribute.Plain(Password);
            }
            else if (DirectoryServicesConfigurationObject.LacksPasswordForAccount(configuration))
            {
                WriteWarning("The configuration names a directory account but has no password (the server never returns it). " +
                    "It is sent without one: if the server does not keep the stored password, synchronization can no longer log on. " +
                    "Pass -Password to set it again.");
            }

            if (!ShouldProcess($"directory services configuration on {ResolveConnection()}", "Set")) return;
            RunWithConnection(async (connection, context, token) =>
            {
                await MsDirectoryServicesOperations.SetConfigurationAsync(connection, configuration, context, token).ConfigureAwait(false);
                if (!PassThru) return;
                var written = await MsDirectoryServicesOperations.GetConfigurationAsync(connection, context, token).ConfigureAwait(false);
                if (written != null) context.WriteObject(DirectoryServicesConfigurationObject.ToPowerShell(written));
            });
        }
    }
}
