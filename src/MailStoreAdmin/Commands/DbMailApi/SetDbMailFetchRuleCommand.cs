using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.DbMailApi.Models;
using MailStoreAdmin.Core.DbMailApi.Operations;

namespace MailStoreAdmin.Commands.DbMailApi
{
    /// <summary>
    /// <para type="synopsis">Changes a POP3 fetch rule; what is not given, the password included, stays as it is.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DbMailFetchRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DbMailFetchRule))]
    public sealed class SetDbMailFetchRuleCommand : DbMailFetchRuleCmdlet
    {
        /// <summary><para type="description">A new POP3 server.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Server { get; set; }

        /// <summary><para type="description">A new POP3 login.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RemoteUser { get; set; }

        /// <summary><para type="description">A new POP3 password.</para></summary>
        [Parameter]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">Whether collected messages are deleted from the POP3 server (-DeleteAfterFetch:$false to keep them).</para></summary>
        [Parameter]
        public SwitchParameter DeleteAfterFetch { get; set; }

        /// <summary><para type="description">Writes the changed rule to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var (user, id, server, remote) = (UserName, Id, Server, RemoteUser);
            var password = Password == null ? null : SecretText.ToPlain(Password);
            bool? delete = MyInvocation.BoundParameters.ContainsKey(nameof(DeleteAfterFetch)) ? DeleteAfterFetch.IsPresent : (bool?)null;
            Run((connection, context, token) => DbMailFetchRuleOperations.SetAsync(connection, user, id, server, remote, password, delete, PassThru, context, token));
        }
    }
}
