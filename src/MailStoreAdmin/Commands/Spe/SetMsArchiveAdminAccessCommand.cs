using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Allows or forbids $archiveadmin logons to SPE instances.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsArchiveAdminAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MsArchiveAdminAccess))]
    public sealed class SetMsArchiveAdminAccessCommand : MsCmdlet
    {
        /// <summary><para type="description">Allows $archiveadmin logons; -Enabled:$false forbids them.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        public SwitchParameter Enabled { get; set; }

        /// <summary><para type="description">Writes the new access state.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.SetArchiveAdminAccessAsync(connection, Enabled.IsPresent, PassThru, context, token));
    }
}
