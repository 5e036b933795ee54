using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Removes exactly the named filter rule; rules whose names start with it, which the server deletes too, are re-created.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "DbMailFilterRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveDbMailFilterRuleCommand : DbMailFilterRuleCmdlet
    {
        protected override void ProcessRecord()
        {
            var (user, name) = (UserName, Name);
            Run((connection, context, token) => DbMailFilterRuleOperations.RemoveAsync(connection, user, name, context, token));
        }
    }
}
