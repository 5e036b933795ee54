using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Spe
{
    /// <summary><para type="synopsis">Sends a test message with the SPE system SMTP settings (TestSystemSmtpConfiguration task).</para></summary>
    [Cmdlet(VerbsDiagnostic.Test, "MsSystemSmtpSetting")]
    [OutputType(typeof(MsTaskResult), typeof(Core.MailStore.MsTask))]
    public sealed class TestMsSystemSmtpSettingCommand : MsConnectionCmdlet
    {
        /// <summary><para type="description">Returns the task handle at once instead of waiting for the task.</para></summary>
        [Parameter]
        public SwitchParameter NoWait { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsSpeSystemOperations.TestSmtpAsync(connection, NoWait, context, token));
    }
}
