using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Re-initializes multi-factor authentication for users (InitializeMFA): they set it up again at the next login.</para></summary>
    [Cmdlet(VerbsData.Initialize, "MsUserMfa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class InitializeMsUserMfaCommand : MsUserCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.InitializeMfaAsync(connection, Name, context, token));
    }
}
