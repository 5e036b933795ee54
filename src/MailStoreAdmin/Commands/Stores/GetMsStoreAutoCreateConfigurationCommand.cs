using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Gets the configuration of the automatic creation of archive stores, with every property the server returns.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsStoreAutoCreateConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsStoreAutoCreateConfigurationCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsStoreAutoCreateOperations.GetConfigurationAsync(connection, context, token));
    }
}
