using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Sets the password of existing dbmail users.</para></summary>
    [Cmdlet(VerbsCommon.Set, "DbMailUserPassword", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(void))]
    public sealed class SetDbMailUserPasswordCommand : DbMailApiLoginCmdlet
    {
        protected override void ProcessRecord()
        {
            var (name, password) = Login();
            Run((connection, context, token) => DbMailUserOperations.SetPasswordAsync(connection, name, password, context, token));
        }
    }
}
