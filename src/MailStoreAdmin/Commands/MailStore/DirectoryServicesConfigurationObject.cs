using System.Management.Automation;
using MailStoreAdmin.Base;

namespace MailStoreAdmin.Commands.MailStore
{
    /// <summary>
    /// The directory services configuration on the PowerShell side: a PSCustomObject with its own type name, as the core's
    /// plain tree is shown in PowerShell.
    /// </summary>
    internal static class DirectoryServicesConfigurationObject
    {
        public const string TypeName = "MailStoreAdmin.DirectoryServicesConfiguration";

        public static object? ToPowerShell(object? plain)
        {
            var value = PowerShellValues.ToPowerShell(plain);
            if (value is PSObject configuration) configuration.TypeNames.Insert(0, TypeName);
            return value;
        }
    }
}
