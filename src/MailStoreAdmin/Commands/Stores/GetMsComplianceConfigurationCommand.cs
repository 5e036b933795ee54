using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Gets the compliance configuration (legal hold, auditing) with every property the server returns.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsComplianceConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsComplianceConfigurationCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsComplianceOperations.GetConfigurationAsync(connection, context, token));
    }
}
