using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Removes a POP3 fetch rule, after checking that it belongs to the user (the server does not check).</para></summary>
    [Cmdlet(VerbsCommon.Remove, "DbMailFetchRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDbMailFetchRuleCommand : DbMailFetchRuleCmdlet
    {
        protected override void ProcessRecord()
        {
            var (user, id) = (UserName, Id);
            Run((connection, context, token) => DbMailFetchRuleOperations.RemoveAsync(connection, user, id, context, token));
        }
    }
}
