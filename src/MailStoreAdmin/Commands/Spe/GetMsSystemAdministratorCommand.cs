using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the SPE system administrators (management server accounts).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsSystemAdministrator")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsSystemAdministratorCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">User name; wildcards filter, an exact name that matches nothing is an error. All without it.</para></summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        public string? UserName { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSystemAdministratorOperations.GetAsync(connection, UserName, context, token));
    }
}
