using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.DbMail.Operations;

namespace MailStoreAdmin.Commands.DbMail
{
    /// <summary><para type="synopsis">Tells whether dbmail users exist ($true or $false per name; names match without regard to case).</para></summary>
    [Cmdlet(VerbsDiagnostic.Test, "DbMailUser")]
    [OutputType(typeof(bool))]
    public sealed class TestDbMailUserCommand : DbMailCmdlet
    {
        /// <summary><para type="description">dbmail user names; binds from the pipeline and from a UserName property.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] UserName { get; set; } = new string[0];

        protected override void ProcessRecord() =>
            RunForEachUser(UserName, (connection, name, context, token) => DbMailUserOperations.TestAsync(connection, name, context, token));
    }
}
