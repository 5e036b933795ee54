using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Json;
using MailStoreAdmin.Core.MailStore.Models;
using MailStoreAdmin.Core.Operations;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>Licence, sessions, service configuration, status reports, SMTP settings and time zones.</summary>
    public static class MsServerSettingsOperations
    {
        public const string SmtpSettingsTypeName = "MailStoreAdmin.SmtpSettings";
        public const string ActiveSessionTypeName = "MailStoreAdmin.ActiveSession";
        public const string ServiceConfigurationTypeName = "MailStoreAdmin.ServiceConfiguration";
        public const string TimeZoneTypeName = "MailStoreAdmin.TimeZone";

        /// <summary>The periods SendStatusReport accepts.</summary>
        public static readonly IReadOnlyList<string> ReportPeriods = new[] { "today", "yesterday", "thisweek", "lastweek", "thismonth", "lastmonth" };

        public static async Task<MsLicense?> ReadLicenseAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            MsLicense? license = null;
            await connection.InvokeAsync("GetLicenseInformation", null, item => license = MsLicense.Read(item, connection.ComputerName), context,
                cancellationToken).ConfigureAwait(false);
            return license;
        }

        /// <summary>Get-MsLicense.</summary>
        public static async Task GetLicenseAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken)
        {
            var license = await ReadLicenseAsync(connection, context, cancellationToken).ConfigureAwait(false);
            if (license != null) context.WriteObject(license);
        }

        /// <summary>Get-MsActiveSession, Get-MsServiceConfiguration, Get-MsSmtpSetting, Get-MsTimeZone: plain objects with a view type name.</summary>
        public static Task GetPlainAsync(MsConnection connection, string function, string typeName, OperationContext context,
            CancellationToken cancellationToken) =>
            connection.InvokeAsync(function, null, item => context.WriteObject(Plain(item, typeName)), context, cancellationToken);

        private static object? Plain(System.Text.Json.JsonElement item, string typeName)
        {
            var value = JsonPlain.ToPlain(item);
            if (value is PlainObject plain) plain.TypeName = typeName;
            return value;
        }

        /// <summary>Send-MsStatusReport: the period's report to the recipients, in the server's (or the named) time zone.</summary>
        public static async Task SendStatusReportAsync(MsConnection connection, string period, IReadOnlyCollection<string> recipients, string? timeZoneId,
            OperationContext context, CancellationToken cancellationToken)
        {
            var known = ReportPeriods.FirstOrDefault(p => string.Equals(p, period, StringComparison.OrdinalIgnoreCase));
            if (known == null)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "StatusReportPeriodInvalid",
                    $"'{period}' is not a report period. Use one of {string.Join(", ", ReportPeriods)}.", period);
            }
            var addresses = recipients.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
            if (addresses.Count == 0 || addresses.Any(a => a.IndexOf('@') <= 0))
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "StatusReportRecipientInvalid",
                    $"The status report needs one or more e-mail addresses, not '{string.Join(", ", recipients)}'.", recipients);
            }
            var arguments = new[]
            {
                new KeyValuePair<string, object?>("timespan", known),
                new KeyValuePair<string, object?>("timeZoneId", string.IsNullOrEmpty(timeZoneId) ? ServerTime.ServerLocalZoneId : timeZoneId),
                new KeyValuePair<string, object?>("recipients", string.Join(",", addresses)),
            };
            if (!context.ShouldProcess($"status report '{known}' of {connection} to {string.Join(", ", addresses)}", "Send")) return;
            await connection.InvokeAsync("SendStatusReport", arguments, null, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Set-MsSmtpSetting: the current settings (read first) with the given keys replaced, so keys the module does
        /// not know are kept. The password (never returned by the server) is only sent when given.
        /// </summary>
        public static async Task SetSmtpSettingsAsync(MsConnection connection, IDictionary? changes, string? password, bool passThru,
            OperationContext context, CancellationToken cancellationToken)
        {
            if ((changes == null || changes.Count == 0) && password == null)
            {
                throw new MailStoreAdminException(ErrorKind.InvalidArgument, "SmtpSettingsNothingToChange",
                    "Nothing to change: pass the settings to change (a hashtable such as @{ host = 'smtp.example.com'; port = 587 }) or a password.", null);
            }
            foreach (DictionaryEntry entry in changes ?? new Hashtable())
            {
                if ((entry.Key?.ToString() ?? string.Empty).IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "SmtpPasswordInSettings",
                        "Pass the SMTP password as a SecureString in its own parameter, not inside the settings.", entry.Key);
                }
            }
            PlainObject? current = null;
            await connection.InvokeAsync("GetSmtpSettings", null, item => current = JsonPlain.ToPlain(item) as PlainObject, context, cancellationToken)
                .ConfigureAwait(false);
            var settings = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in (IDictionary?)current ?? new OrderedDictionary()) settings[entry.Key] = entry.Value;
            var changed = new List<string>();
            foreach (DictionaryEntry entry in changes ?? new Hashtable())
            {
                var key = entry.Key?.ToString() ?? string.Empty;
                var existing = settings.Keys.Cast<object>().Select(k => k.ToString()).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                settings[existing ?? key] = entry.Value;
                changed.Add(existing ?? key);
            }
            var passwordKey = settings.Keys.Cast<object>().Select(k => k.ToString()).FirstOrDefault(k => string.Equals(k, "password", StringComparison.OrdinalIgnoreCase)) ?? "password";
            if (password != null)
            {
                settings[passwordKey] = password;
                changed.Add("password");
            }
            else if (settings.Contains(passwordKey) && settings[passwordKey] == null)
            {
                // A null password read back means "not returned", not "none"; sending it could clear the stored one.
                settings.Remove(passwordKey);
            }
            var arguments = new[] { new KeyValuePair<string, object?>("settings", settings) };
            connection.Check("SetSmtpSettings", arguments);
            if (!context.ShouldProcess($"SMTP settings of {connection}", $"Set {string.Join(", ", changed)}")) return;
            await connection.InvokeAsync("SetSmtpSettings", arguments, null, context, cancellationToken).ConfigureAwait(false);
            if (passThru) await GetPlainAsync(connection, "GetSmtpSettings", SmtpSettingsTypeName, context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Test-MsSmtpSetting: TestSmtpSettings as a task; its result says whether the server could send.</summary>
        public static Task TestSmtpSettingsAsync(MsConnection connection, OperationContext context, CancellationToken cancellationToken) =>
            MsTaskOperations.RunAsync(connection, new MsTaskRequest("TestSmtpSettings"), false, context, cancellationToken);
    }
}
