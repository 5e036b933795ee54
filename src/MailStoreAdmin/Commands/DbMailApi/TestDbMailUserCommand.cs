using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary><para type="synopsis">Tells whether dbmail users exist ($true or $false per name; names match without regard to case).</para></summary>
    [Cmdlet(VerbsDiagnostic.Test, "DbMailUser")]
    [OutputType(typeof(bool))]
    public sealed class TestDbMailUserCommand : DbMailUsersCmdlet
    {
        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.TestAsync(connection, name, context, token));
    }
}
