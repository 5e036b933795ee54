using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Unlocks an encrypted archive store with its passphrase (UnlockStore).</para></summary>
    [Cmdlet(VerbsCommon.Unlock, "MsStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsStore))]
    public sealed class UnlockMsStoreCommand : MsCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">The store's passphrase.</para></summary>
        [Parameter(Mandatory = true)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Passphrase { get; set; }

        /// <summary><para type="description">Writes the store after unlocking it.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var passphrase = SecretText.ToPlain(Passphrase!);
            Run((connection, context, token) => MsStoreChangeOperations.UnlockStoreAsync(connection, Id, passphrase, PassThru, context, token));
        }
    }
}
