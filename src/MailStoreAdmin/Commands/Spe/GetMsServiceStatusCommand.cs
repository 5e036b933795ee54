using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the status of the SPE services: management server, instance hosts, client access servers, and messages.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsServiceStatus")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsServiceStatusCommand : MsConnectionCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.GetServiceStatusAsync(connection, context, token));
    }
}
