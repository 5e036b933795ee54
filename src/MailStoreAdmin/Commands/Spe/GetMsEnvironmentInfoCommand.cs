using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the SPE management server's version, licensee and system properties.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsEnvironmentInfo")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsEnvironmentInfoCommand : MsConnectionCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.GetEnvironmentInfoAsync(connection, context, token));
    }
}
