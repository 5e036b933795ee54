using System.Management.Automation;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Users
{
    /// <summary><para type="synopsis">Turns multi-factor authentication off for users (DisableMFA), e.g. after a lost device.</para></summary>
    [Cmdlet(VerbsCommon.Reset, "MsUserMfa", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ResetMsUserMfaCommand : MsUserCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsUserEditOperations.ResetMfaAsync(connection, Name, context, token));
    }
}
