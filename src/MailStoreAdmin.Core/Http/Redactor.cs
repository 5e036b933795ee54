using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.Core.Http
{
    /// <summary>
    /// The single place that decides what is secret. Everything written to logs, errors and exceptions passes
    /// through here first.
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        private static readonly string[] SecretNameParts =
        {
            "password", "passwd", "passphrase", "seckey", "securitykey", "secret", "encryptionkey", "apikey", "authorization",
        };

        private static readonly HashSet<string> SecretExactNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "pass", "pwd", "key",
        };

        private static readonly Regex JsonSecretProperty = new Regex(
            "(\"(?<name>[^\"]*)\"\\s*:\\s*)\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>True for argument/field names whose values must never be shown.</summary>
        public static bool IsSecretName(string name)
        {
            if (string.IsNullOrEmpty(name)) return false;
            if (SecretExactNames.Contains(name)) return true;
            var lower = name.ToLowerInvariant();
            return SecretNameParts.Any(lower.Contains);
        }

        /// <summary>A form body as it may be logged: secret fields masked, the rest URL-encoded as sent.</summary>
        public static string DescribeForm(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var sb = new StringBuilder();
            foreach (var field in fields)
            {
                if (sb.Length > 0) sb.Append('&');
                sb.Append(FormEncoder.Escape(field.Key)).Append('=');
                sb.Append(IsSecretName(field.Key) ? Mask : FormEncoder.Escape(field.Value));
            }
            return sb.ToString();
        }

        /// <summary>Masks string values of JSON properties with secret names (works on truncated text too).</summary>
        public static string RedactJsonText(string json)
        {
            if (string.IsNullOrEmpty(json)) return json;
            return JsonSecretProperty.Replace(json, m =>
                IsSecretName(m.Groups["name"].Value) ? m.Groups[1].Value + "\"" + Mask + "\"" : m.Value);
        }

        /// <summary>
        /// Removes every occurrence of known secret values (raw and URL-encoded) from a text that came from
        /// elsewhere, such as a server error that echoes a command line.
        /// </summary>
        public static string ScrubValues(string? text, IEnumerable<string?> secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = text!;
            // Longest first, so a secret that contains another is masked whole.
            foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct().OrderByDescending(s => s!.Length))
            {
                result = result.Replace(secret!, Mask);
                var encoded = FormEncoder.Escape(secret!);
                if (encoded != secret) result = result.Replace(encoded, Mask);
                var escapedForUri = Uri.EscapeDataString(secret!);
                if (escapedForUri != secret && escapedForUri != encoded) result = result.Replace(escapedForUri, Mask);
            }
            return result;
        }

        /// <summary>Shortens a body for a debug dump.</summary>
        public static string Truncate(string text, int maxChars)
        {
            if (text.Length <= maxChars) return text;
            return text.Substring(0, maxChars) + $"... ({text.Length - maxChars} more characters)";
        }
    }
}
