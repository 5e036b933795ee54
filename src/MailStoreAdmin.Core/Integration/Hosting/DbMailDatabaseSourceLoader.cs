using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using MailStoreAdmin.Core.Errors;
using MailStoreAdmin.Core.Integration.Sources;
using MailStoreAdmin.Core.Integration;

namespace MailStoreAdmin.Core.Integration.Hosting
{
    /// <summary>
    /// Loads the dbmail database source (net8.0, with Npgsql) from the module's dbmail folder into an
    /// AssemblyLoadContext of its own, so its dependencies never clash with PowerShell's. The module targets
    /// netstandard2.0, so the load context is reached through reflection; only MailStoreAdmin.Core is shared, which
    /// keeps IDirectoryUserSource one type on both sides.
    /// </summary>
    public static class DbMailDatabaseSourceLoader
    {
        private const string AssemblyName = "MailStoreAdmin.DbMailDatabase";
        private static readonly object Gate = new object();
        private static Assembly? _loaded;

        /// <summary>The module's own dbmail folder, beside this assembly.</summary>
        public static string DefaultFolder => Path.Combine(Path.GetDirectoryName(typeof(DbMailDatabaseSourceLoader).Assembly.Location) ?? ".", "DbMailDatabase");

        /// <summary>
        /// A dbmail database source. <paramref name="login"/>, when given, replaces the connection string's user name
        /// and password, so the password can come from a PSCredential instead of the string. The first call fixes the
        /// folder for the process.
        /// </summary>
        public static IDirectoryUserSource Create(DbMailDatabaseOptions options, NetworkCredential? login, string? folder = null)
        {
            var assembly = Load(folder ?? DefaultFolder);
            var implementation = assembly.GetExportedTypes()
                .FirstOrDefault(t => typeof(IDbMailDatabaseSourceFactory).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
                ?? throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailSourceMissing",
                    $"{assembly.GetName().Name} has no {nameof(IDbMailDatabaseSourceFactory)}; it does not belong to this version of the module.",
                    recommendedAction: "Reinstall the module.");
            var factory = (IDbMailDatabaseSourceFactory)Activator.CreateInstance(implementation)!;
            var withLogin = new DbMailDatabaseOptions
            {
                Database = options.Database,
                ConnectionString = WithLogin(options.ConnectionString, login),
                TablePrefix = options.TablePrefix,
                IncludeUserIdAsAddress = options.IncludeUserIdAsAddress,
                InactiveUsers = options.InactiveUsers,
                CommandTimeout = options.CommandTimeout,
                Warning = options.Warning,
            };
            return factory.Create(withLogin);
        }

        internal static string WithLogin(string connectionString, NetworkCredential? login)
        {
            if (login == null) return connectionString;
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            // Any spelling of the login keys in the string gives way to the credential.
            foreach (var key in new[] { "Username", "User Name", "User ID", "UserId", "User", "Password", "Pwd" })
            {
                builder.Remove(key);
            }
            builder["Username"] = login.UserName;
            builder["Password"] = login.Password;
            return builder.ConnectionString ?? string.Empty;
        }

        private static Assembly Load(string folder)
        {
            if (DependencyResolver.IsNetFramework)
            {
                throw new MailStoreAdminException(ErrorKind.NotSpecified, "DbMailSourceNeedsPowerShell7",
                    "The dbmail database source needs PowerShell 7.4 or later (its PostgreSQL driver runs on .NET 8).",
                    recommendedAction: "Run the integration server in PowerShell 7 (pwsh), or in Windows PowerShell serve a user file or list and authentication scripts.");
            }
            lock (Gate)
            {
                if (_loaded != null) return _loaded;
                var path = Path.Combine(folder, AssemblyName + ".dll");
                if (!File.Exists(path))
                {
                    throw new MailStoreAdminException(ErrorKind.ObjectNotFound, "DbMailSourceMissing",
                        $"The dbmail database source is not installed ({path} is missing).", path,
                        recommendedAction: "Reinstall the module: its package has the source in the DbMailDatabase folder.");
                }
                var contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: true)!;
                var context = Activator.CreateInstance(contextType, AssemblyName, false)!;
                var resolver = new FolderResolver(folder, context, contextType);
                var resolving = contextType.GetEvent("Resolving")!;
                resolving.AddEventHandler(context, Delegate.CreateDelegate(resolving.EventHandlerType!, resolver, typeof(FolderResolver).GetMethod(nameof(FolderResolver.Resolve))!));
                _loaded = resolver.LoadFrom(path);
                return _loaded;
            }
        }

        /// <summary>Resolves the source's dependencies from its folder; MailStoreAdmin.Core is the module's own.</summary>
        private sealed class FolderResolver
        {
            private readonly string _folder;
            private readonly object _context;
            private readonly MethodInfo _loadFromPath;

            public FolderResolver(string folder, object context, Type contextType)
            {
                _folder = folder;
                _context = context;
                _loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            }

            public Assembly LoadFrom(string path) => (Assembly)_loadFromPath.Invoke(_context, new object[] { path })!;

            // Bound to Func<AssemblyLoadContext, AssemblyName, Assembly?>: parameters may be base types (contravariance).
            public Assembly? Resolve(object context, AssemblyName name)
            {
                if (name.Name == typeof(IDirectoryUserSource).Assembly.GetName().Name) return typeof(IDirectoryUserSource).Assembly;
                var candidate = Path.Combine(_folder, name.Name + ".dll");
                return File.Exists(candidate) ? LoadFrom(candidate) : null;
            }
        }
    }
}
