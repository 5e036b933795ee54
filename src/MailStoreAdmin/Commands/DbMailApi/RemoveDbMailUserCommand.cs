using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Deletes dbmail users with all their mail, and their POP3 fetch rules (which dbmail-api itself leaves behind).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DbMailUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDbMailUserCommand : DbMailUsersCmdlet
    {
        /// <summary><para type="description">Leaves the users' POP3 fetch rules in place (getmail keeps running them).</para></summary>
        [Parameter]
        public SwitchParameter KeepFetchRules { get; set; }

        protected override void ProcessRecord()
        {
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.RemoveAsync(connection, name, KeepFetchRules, context, token));
        }
    }
}
