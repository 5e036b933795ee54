using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace MailStoreAdmin.Core
{
    /// <summary>Which shipped dependency answers an assembly request on .NET Framework (a binding redirect by hand).</summary>
    public static class DependencyResolver
    {
        private static readonly HashSet<string> Shipped = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "MailStoreAdmin.Core",
            "System.Text.Json",
            "System.Text.Encodings.Web",
            "System.Memory",
            "System.Buffers",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Threading.Tasks.Extensions",
            "Microsoft.Bcl.AsyncInterfaces",
        };

        public static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>The path of the module's copy of a requested assembly (any version), or null to let others decide.</summary>
        public static string? FindInModuleFolder(string requestedFullName, string moduleFolder, Func<string, bool> fileExists)
        {
            AssemblyName name;
            try
            {
                name = new AssemblyName(requestedFullName);
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }
            if (name.Name == null || !Shipped.Contains(name.Name)) return null;
            var path = Path.Combine(moduleFolder, name.Name + ".dll");
            return fileExists(path) ? path : null;
        }
    }
}
