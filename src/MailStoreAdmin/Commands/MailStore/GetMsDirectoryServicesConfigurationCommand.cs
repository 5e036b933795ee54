using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// <para type="synopsis">Gets the directory services configuration (Active Directory, LDAP, Application Integration, ...) as an object to edit and pass to Set-MsDirectoryServicesConfiguration.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "MsDirectoryServicesConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsDirectoryServicesConfigurationCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsDirectoryServicesOperations.GetConfigurationAsync(connection, context, token));
    }
}
