using System.Linq;
using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Integration.Hosting;

namespace MailStoreAdmin.Commands.Integration
{
    /// <summary><para type="synopsis">Lists the integration servers running in this PowerShell process, with request counts and recent log lines.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsIntegrationServer")]
    [OutputType(typeof(MsIntegrationServer))]
    public sealed class GetMsIntegrationServerCommand : MailStoreAdminCmdlet
    {
        /// <summary><para type="description">Only the servers with these ids.</para></summary>
        [Parameter(Position = 0)]
        public int[]? Id { get; set; }

        protected override void EndProcessing()
        {
            var ids = Id;
            Run((context, token) => IntegrationServerOperations.GetAsync(ids, context));
        }
    }
}
