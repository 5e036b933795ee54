using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Removes exactly the named filter rule; rules whose names start with it, which the server deletes too, are re-created.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DbMailFilterRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDbMailFilterRuleCommand : DbMailApiCmdlet
    {
        /// <summary><para type="description">The user the rule belongs to.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary><para type="description">The exact, case-sensitive rule name.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var (user, name) = (UserName, Name);
            Run((connection, context, token) => DbMailFilterRuleOperations.RemoveAsync(connection, user, name, context, token));
        }
    }
}
