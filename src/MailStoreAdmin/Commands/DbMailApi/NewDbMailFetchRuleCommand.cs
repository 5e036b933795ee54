using System.Management.Automation;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Creates a POP3 fetch rule: getmail collects a remote mailbox into a dbmail user's mailbox.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DbMailFetchRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DbMailFetchRule))]
    public sealed class NewDbMailFetchRuleCommand : DbMailRuleOwnerCmdlet
    {
        /// <summary><para type="description">The POP3 server. The dbmail-api server logs in once on port 110, then 995 with SSL, to pick the protocol; this can take over 10 seconds.</para></summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Server { get; set; } = string.Empty;

        /// <summary><para type="description">The POP3 login and password.</para></summary>
        [Parameter(Mandatory = true, Position = 2)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary><para type="description">Deletes collected messages from the POP3 server.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter DeleteAfterFetch { get; set; }

        protected override void ProcessRecord()
        {
            var (user, server, remote, password, delete) = (UserName, Server, Credential.UserName, Credential.GetNetworkCredential().Password, DeleteAfterFetch.IsPresent);
            Run((connection, context, token) => DbMailFetchRuleOperations.AddAsync(connection, user, server, remote, password, delete, context, token));
        }
    }
}
