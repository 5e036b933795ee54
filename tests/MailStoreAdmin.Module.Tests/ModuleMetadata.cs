using System.Reflection;
using System.Runtime.InteropServices;

namespace MailStoreAdmin.Module.Tests;

/// <summary>The built module assembly loaded for inspection only, with the PowerShell reference assembly beside it.</summary>
public sealed class ModuleMetadata : IDisposable
{
    public ModuleMetadata()
    {
        var attributes = typeof(ModuleMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        BuildOutput = Path.GetFullPath(attributes["ModuleBuildOutput"]);
        RepositoryRoot = Path.GetFullPath(attributes["RepositoryRoot"]);
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(BuildOutput, "*.dll"))
            .Append(attributes["SmaReference"]);
        Context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Module = Context.LoadFromAssemblyPath(Path.Combine(BuildOutput, "MailStoreAdmin.dll"));
        Core = Context.LoadFromAssemblyPath(Path.Combine(BuildOutput, "MailStoreAdmin.Core.dll"));
        Sma = Context.LoadFromAssemblyName("System.Management.Automation");
        Cmdlets = Module.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && Derives(t, "System.Management.Automation.Cmdlet"))
            .Select(t => new CmdletInfo(t, this)).ToList();
    }

    public string BuildOutput { get; }
    public string RepositoryRoot { get; }
    public MetadataLoadContext Context { get; }
    public Assembly Module { get; }
    public Assembly Core { get; }
    public Assembly Sma { get; }
    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public static bool Derives(Type type, string baseName)
    {
        for (var t = type.BaseType; t != null; t = t.BaseType)
        {
            if (t.FullName == baseName) return true;
        }
        return false;
    }

    public void Dispose() => Context.Dispose();
}

public sealed class CmdletInfo
{
    public CmdletInfo(Type type, ModuleMetadata metadata)
    {
        Type = type;
        Attribute = type.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == "CmdletAttribute");
        if (Attribute != null)
        {
            Verb = (string)Attribute.ConstructorArguments[0].Value!;
            Noun = (string)Attribute.ConstructorArguments[1].Value!;
        }
        Parameters = type.GetProperties()
            .Select(p => (Property: p, Attributes: p.GetCustomAttributesData().Where(a => a.AttributeType.Name == "ParameterAttribute").ToList()))
            .Where(p => p.Attributes.Count > 0)
            .ToList();
    }

    public Type Type { get; }
    public CustomAttributeData? Attribute { get; }
    public string Verb { get; } = "";
    public string Noun { get; } = "";
    public string Name => $"{Verb}-{Noun}";
    public IReadOnlyList<(PropertyInfo Property, List<CustomAttributeData> Attributes)> Parameters { get; }

    public T? Named<T>(string name) =>
        Attribute!.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    public bool SupportsShouldProcess => Named<bool>("SupportsShouldProcess");

    public override string ToString() => Name;
}
