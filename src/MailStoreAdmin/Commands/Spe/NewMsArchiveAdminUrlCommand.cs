using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Creates a one-time $archiveadmin logon URL for SPE instances; the URL is a secret and is never logged.</para></summary>
    [Cmdlet(VerbsCommon.New, "MsArchiveAdminUrl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MsArchiveAdminUrl))]
    public sealed class NewMsArchiveAdminUrlCommand : MsCmdlet
    {
        /// <summary><para type="description">The instance's public address to build the URL on; the server's default without it.</para></summary>
        [Parameter]
        public string? InstanceUrl { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.NewArchiveAdminUrlAsync(connection, InstanceUrl, context, token));
    }
}
