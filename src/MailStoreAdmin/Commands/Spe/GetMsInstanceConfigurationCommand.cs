using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the configuration of SPE instances (GetInstanceConfiguration), as the server has it.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsInstanceConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsInstanceConfigurationCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsInstanceOperations.GetConfigurationAsync(connection, context, token));
    }
}
