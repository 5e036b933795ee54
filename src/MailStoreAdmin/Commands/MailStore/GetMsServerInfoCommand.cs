using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary><para type="synopsis">Gets the MailStore Server version and machine name.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsServerInfo")]
    [OutputType(typeof(MsServerInfo))]
    public sealed class GetMsServerInfoCommand : MsConnectionCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) =>
MsServerOperations.GetServerInfoAsync(connection, context, token));
    }
}
