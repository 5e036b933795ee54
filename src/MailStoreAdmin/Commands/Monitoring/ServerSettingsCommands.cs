using System.Collections;
using System.Management.Automation;
using System.Security;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.MailStore.Operations;

namespace MailStoreAdmin.Commands.Monitoring
{
    /// <summary><para type="synopsis">Gets the licence: named users and the licence's limit.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsLicense")]
    [OutputType(typeof(MsLicense))]
    public sealed class GetMsLicenseCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.GetLicenseAsync(connection, context, token));
    }

    /// <summary><para type="synopsis">Gets the sessions logged on to the server.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsActiveSession")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsActiveSessionCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.GetPlainAsync(connection, "GetActiveSessions",
                MsServerSettingsOperations.ActiveSessionTypeName, context, token));
    }

    /// <summary><para type="synopsis">Gets the service configuration (base directory, ports, certificate).</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsServiceConfiguration")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsServiceConfigurationCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.GetPlainAsync(connection, "GetServiceConfiguration",
                MsServerSettingsOperations.ServiceConfigurationTypeName, context, token));
    }

    /// <summary><para type="synopsis">Gets the time zones the server knows, for -TimeZoneId parameters.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsTimeZone")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsTimeZoneCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.GetPlainAsync(connection, "GetTimeZones",
                MsServerSettingsOperations.TimeZoneTypeName, context, token));
    }

    /// <summary><para type="synopsis">Has the server send its status report for a period by e-mail.</para></summary>
    [Cmdlet(VerbsCommunications.Send, "MsStatusReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class SendMsStatusReportCommand : MsCmdlet
    {
        /// <summary><para type="description">The period: Today, Yesterday, ThisWeek, LastWeek, ThisMonth or LastMonth.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("Today", "Yesterday", "ThisWeek", "LastWeek", "ThisMonth", "LastMonth")]
        public string? Period { get; set; }

        /// <summary><para type="description">The e-mail addresses to send the report to.</para></summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string[]? Recipient { get; set; }

        /// <summary><para type="description">The time zone the period is counted in. Default: $Local, the server's zone.</para></summary>
        [Parameter]
        public string? TimeZoneId { get; set; }

        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.SendStatusReportAsync(connection, Period!, Recipient!, TimeZoneId, context, token));
    }

    /// <summary><para type="synopsis">Gets the SMTP settings the server sends notifications with.</para></summary>
    [Cmdlet(VerbsCommon.Get, "MsSmtpSetting")]
    [OutputType(typeof(PSObject))]
    public sealed class GetMsSmtpSettingCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.GetPlainAsync(connection, "GetSmtpSettings",
                MsServerSettingsOperations.SmtpSettingsTypeName, context, token));
    }

    /// <summary><para type="synopsis">Changes SMTP settings; the settings not named keep their values.</para></summary>
    [Cmdlet(VerbsCommon.Set, "MsSmtpSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetMsSmtpSettingCommand : MsCmdlet
    {
        /// <summary><para type="description">The settings to change, such as @{ host = 'smtp.example.com'; port = 587 }.</para></summary>
        [Parameter(Position = 0)]
        public Hashtable? Setting { get; set; }

        /// <summary><para type="description">The SMTP account's password.</para></summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? Password { get; set; }

        /// <summary><para type="description">Writes the settings as the server has them afterwards.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var settings = PowerShellValues.ToPlain(Setting) as IDictionary;
            var password = Password == null ? null : SecretText.ToPlain(Password);
            Run((connection, context, token) => MsServerSettingsOperations.SetSmtpSettingsAsync(connection, settings, password, PassThru, context, token));
        }
    }

    /// <summary><para type="synopsis">Has the server send a test e-mail with its SMTP settings.</para></summary>
    [Cmdlet(VerbsDiagnostic.Test, "MsSmtpSetting")]
    [OutputType(typeof(MsTaskResult))]
    public sealed class TestMsSmtpSettingCommand : MsCmdlet
    {
        protected override void ProcessRecord() =>
            Run((connection, context, token) => MsServerSettingsOperations.TestSmtpSettingsAsync(connection, context, token));
    }
}
