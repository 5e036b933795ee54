using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using MailStoreAdmin.Core;

namespace MailStoreAdmin
{
    /// <summary>
    /// On Windows PowerShell 5.1 (.NET Framework) there are no binding redirects for a module, and System.Text.Json's
    /// dependencies disagree on versions (Unsafe 4.5.3 vs 6.0.0). This resolves them from the module folder.
    /// PowerShell 7 resolves them itself, so nothing is hooked there.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

        public void OnImport()
        {
            if (DependencyResolver.IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public void OnRemove(PSModuleInfo module)
        {
            Core.Integration.Hosting.IntegrationServerRegistry.StopAll();
            Base.ModuleState.MailStore.CloseAll(Base.ModuleState.Scope);
            Base.ModuleState.DbMailApi.CloseAll(Base.ModuleState.Scope);
            if (DependencyResolver.IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var path = DependencyResolver.FindInModuleFolder(args.Name, ModuleFolder, File.Exists);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
