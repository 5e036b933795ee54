using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json;
using MailStoreAdmin.Base;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// The directory services configuration on the PowerShell side: a PSCustomObject with its own type name, turned
    /// back into the plain tree the core sends. Only the keys the object carries travel; none is invented.
    /// </summary>
    internal static class DirectoryServicesConfigurationObject
    {
        public const string TypeName = "MailStoreAdmin.DirectoryServicesConfiguration";

        // Key names as GetDirectoryServicesConfiguration documents them; matched case-insensitively.
        private const string PasswordKey = "password";
        private const string UserNameKey = "userName";

        public static object? ToPowerShell(object? plain)
        {
            var value = PowerShellValues.ToPowerShell(plain);
            if (value is PSObject configuration) configuration.TypeNames.Insert(0, TypeName);
            return value;
        }

        /// <summary>The object (from Get, ConvertFrom-Json or a hashtable) or a JSON text as an ordered dictionary; null when it is neither.</summary>
        public static OrderedDictionary? ToPlain(object input)
        {
            var plain = PowerShellValues.ToPlain(input);
            if (plain is string text)
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    plain = JsonPlain.ToPlain(document.RootElement);
                }
                catch (JsonException)
                {
                    return null;
                }
            }
            return plain as OrderedDictionary;
        }

        /// <summary>The configuration's own spelling of the password key, or null when it has none.</summary>
        public static string? FindPasswordKey(OrderedDictionary configuration) => FindKey(configuration, PasswordKey);

        /// <summary>
        /// True when the configuration names a directory account (a user name) but carries no password: what every
        /// object read from the server looks like, since the server never returns the password.
        /// </summary>
        public static bool LacksPasswordForAccount(OrderedDictionary configuration)
        {
            var passwordKey = FindKey(configuration, PasswordKey);
            var userNameKey = FindKey(configuration, UserNameKey);
            return passwordKey != null && userNameKey != null
                && string.IsNullOrEmpty(configuration[passwordKey] as string)
                && !string.IsNullOrEmpty(configuration[userNameKey] as string);
        }

        private static string? FindKey(OrderedDictionary configuration, string name)
        {
            foreach (DictionaryEntry entry in configuration)
            {
                if (entry.Key is string key && string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return key;
            }
            return null;
        }
    }
}
