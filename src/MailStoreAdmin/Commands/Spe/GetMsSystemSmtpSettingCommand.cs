using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Gets the SPE system SMTP settings (the password is never returned).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsSystemSmtpSetting")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsSystemSmtpSettingCommand : MsConnectionCmdlet
    {

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.GetSmtpAsync(connection, context, token));
    }
}
