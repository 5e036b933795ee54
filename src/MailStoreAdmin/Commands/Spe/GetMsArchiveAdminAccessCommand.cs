using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets whether $archiveadmin may log on to SPE instances.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsArchiveAdminAccess")]
    [OutputType(typeof(MsArchiveAdminAccess))]
    public sealed class GetMsArchiveAdminAccessCommand : MsCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.GetArchiveAdminAccessAsync(connection, context, token));
    }
}
