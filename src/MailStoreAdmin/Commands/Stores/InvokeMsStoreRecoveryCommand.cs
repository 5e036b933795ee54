using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Stores
{
    /// <summary><para type="synopsis">Recovers a damaged archive store (RecoverStore) as a server task.</para></summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MsStoreRecovery", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MsTaskResult), typeof(MsTask))]
    public sealed class InvokeMsStoreRecoveryCommand : MsTaskCmdlet
    {
        /// <summary><para type="description">Store id; binds from Get-MsStore output.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        public int Id { get; set; }

        /// <summary><para type="description">The store's encryption key, when its own copy is lost.</para></summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? EncryptionKey { get; set; }

        /// <summary><para type="description">Also brings back messages that were deleted from the store.</para></summary>
        [Parameter]
        public SwitchParameter RecoverDeletedMessages { get; set; }

        protected override void ProcessRecord()
        {
            var key = EncryptionKey == null ? null : SecretText.ToPlain(EncryptionKey);
            Run((connection, context, token) => MsMaintenanceOperations.RecoverStoreAsync(connection, Id, key, RecoverDeletedMessages, NoWait, context, token));
        }
    }
}
