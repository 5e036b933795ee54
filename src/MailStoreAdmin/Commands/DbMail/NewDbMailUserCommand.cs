using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Models;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary>
    /// <para type="synopsis">Creates dbmail users. A name without '@' gets the address name@defaultMailDomain (the server's setting).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DbMailUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PasswordSet)]
    [OutputType(typeof(DbMailUser))]
    public sealed class NewDbMailUserCommand : DbMailLoginCmdlet
    {
        protected override void ProcessRecord()
        {
            var (name, password) = Login();
            Run((connection, context, token) => DbMailUserOperations.CreateAsync(connection, name, password, context, token));
        }
    }
}
