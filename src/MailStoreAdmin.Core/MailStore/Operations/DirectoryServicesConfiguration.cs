using MailStoreAdmin.Core.Operations;
using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Http;
using MailStoreAdmin.Core.Json;

namespace MailStoreAdmin.Core.MailStore.Operations
{
    /// <summary>
    /// Prepares a directory services configuration for SetDirectoryServicesConfiguration. Only the keys the input
    /// carries travel; none is invented, since the shape per directory type is not documented.
    /// </summary>
    public static class DirectoryServicesConfiguration
    {
        // Key names as GetDirectoryServicesConfiguration documents them; matched case-insensitively.
        private const string PasswordKey = "password";
        private const string UserNameKey = "userName";

        /// <summary>
        /// The plain tree to send (a copy: the caller's object never receives the password). Accepts an ordered
        /// dictionary or a JSON object text; <paramref name="password"/> fills the configuration's own password key.
        /// </summary>
        public static OrderedDictionary Prepare(object? input, string? password, OperationContext context)
        {
            var configuration = Copy(input) ?? throw new MailStoreAdminException(ErrorKind.InvalidArgument, "DirectoryServicesConfigurationInvalid",
                "The input is not a directory services configuration. Pass the object from Get-MsDirectoryServicesConfiguration, a hashtable, or a JSON object text.", Errors.SecretSafe.Target(input));
            var passwordKey = FindKey(configuration, PasswordKey);
            if (password != null)
            {
                // Adding a key the server did not send could be the wrong name for this directory type.
                if (passwordKey == null)
                {
                    throw new MailStoreAdminException(ErrorKind.InvalidArgument, "DirectoryServicesConfigurationHasNoPassword",
                        "The configuration has no 'password' property, so the password given has nowhere to go. Start from the object Get-MsDirectoryServicesConfiguration returns.", Errors.SecretSafe.Target(input));
                }
                configuration[passwordKey] = password;
            }
            else if (LacksPasswordForAccount(configuration, passwordKey))
            {
                context.Log(LogLevel.Warning, "The configuration names a directory account but has no password (the server never returns it). " +
                    "It is sent without one: if the server does not keep the stored password, synchronization can no longer log on. " +
                    "Give the directory account's password again (Password) to set it.");
            }
            return configuration;
        }

        private static OrderedDictionary? Copy(object? input)
        {
            if (input is string text)
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return JsonPlain.ToPlain(document.RootElement) as OrderedDictionary;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
            if (!(input is IDictionary dictionary)) return null;
            var copy = new OrderedDictionary();
            foreach (DictionaryEntry entry in dictionary) copy[entry.Key] = entry.Value;
            return copy;
        }

        /// <summary>What every object read from the server looks like: an account named, its password not returned.</summary>
        private static bool LacksPasswordForAccount(OrderedDictionary configuration, string? passwordKey)
        {
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
