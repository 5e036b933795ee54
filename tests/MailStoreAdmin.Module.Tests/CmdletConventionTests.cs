using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace MailStoreAdmin.Module.Tests;

public class CmdletConventionTests : IClassFixture<ModuleMetadata>
{
    private static readonly string[] StateChangingVerbs =
        { "New", "Set", "Remove", "Clear", "Add", "Invoke", "Start", "Stop", "Sync", "Disconnect", "Enable", "Disable", "Reset", "Rename", "Restore", "Register", "Unregister", "Update" };

    // Cmdlets that work on session state or task handles rather than through an API connection.
    private static readonly string[] WithoutConnection =
    {
        "Connect-MsServer", "Disconnect-MsServer", "Get-MsConnection", "Wait-MsTask", "Stop-MsTask",
        "Connect-DbMailApi", "Disconnect-DbMailApi", "Get-DbMailConnection", "New-DbMailFilterCondition",
        "Start-MsIntegrationServer", "Stop-MsIntegrationServer", "Get-MsIntegrationServer", "ConvertTo-MsPasswordHash",
    };

    // Pure PowerShell-side cmdlets: session state or object builders, nothing to cancel.
    private static readonly string[] PlainCmdlets =
        { "Get-MsConnection", "Get-DbMailConnection", "New-DbMailFilterCondition", "Get-MsIntegrationServer", "ConvertTo-MsPasswordHash" };

    private readonly ModuleMetadata _m;

    public CmdletConventionTests(ModuleMetadata metadata) => _m = metadata;

    [Fact]
    public void There_are_cmdlets_and_each_is_sealed_attributed_and_named_after_its_command()
    {
        Assert.True(_m.Cmdlets.Count >= 11);
        Assert.All(_m.Cmdlets, c =>
        {
            Assert.NotNull(c.Attribute);
            Assert.True(c.Type.IsSealed, $"{c.Type.Name} should be sealed");
            Assert.Equal(c.Verb + c.Noun + "Command", c.Type.Name);
        });
    }

    [Fact]
    public void Verbs_are_approved()
    {
        // The approved list is read from the same reference assembly the module compiles against.
        var approved = _m.Sma.GetTypes().Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.True(approved.Count > 90);
        Assert.All(_m.Cmdlets, c => Assert.Contains(c.Verb, approved));
    }

    [Fact]
    public void Nouns_carry_a_module_prefix_and_are_singular()
    {
        var pluralExceptions = new HashSet<string> { "Status", "Alias", "Access" };
        Assert.All(_m.Cmdlets, c =>
        {
            Assert.Matches("^(Ms|DbMail)[A-Z]", c.Noun);
            Assert.False(c.Noun.EndsWith('s') && !pluralExceptions.Any(c.Noun.EndsWith), $"{c.Name}: noun should be singular");
        });
    }

    [Fact]
    public void State_changing_verbs_support_should_process_and_reads_do_not()
    {
        Assert.All(_m.Cmdlets, c =>
        {
            if (StateChangingVerbs.Contains(c.Verb) && !PlainCmdlets.Contains(c.Name)) Assert.True(c.SupportsShouldProcess, $"{c.Name} changes state: needs SupportsShouldProcess");
            if (c.Verb is "Get" or "Test" or "Wait") Assert.False(c.SupportsShouldProcess, $"{c.Name} only reads");
        });
        Assert.All(_m.Cmdlets.Where(c => c.Verb is "Remove" or "Clear"), c => Assert.Equal(3 /* High */, c.Named<int>("ConfirmImpact")));
    }

    [Fact]
    public void Every_cmdlet_declares_public_output_types()
    {
        Assert.All(_m.Cmdlets, c =>
        {
            var outputs = c.Type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute").ToList();
            Assert.True(outputs.Count > 0, $"{c.Name} has no [OutputType]");
        });
    }

    [Fact]
    public void Every_api_cmdlet_takes_a_connection_and_cancels_on_stop()
    {
        foreach (var (prefix, typeName) in new[] { ("Ms", "MailStoreAdmin.Core.MailStore.MsConnection"), ("DbMail", "MailStoreAdmin.Core.DbMailApi.DbMailApiConnection") })
        {
            var connectionType = _m.Core.GetType(typeName)!;
            var cmdlets = _m.Cmdlets.Where(c => c.Noun.StartsWith(prefix, StringComparison.Ordinal) && !(prefix == "Ms" && c.Noun.StartsWith("DbMail", StringComparison.Ordinal))
                && !WithoutConnection.Contains(c.Name)).ToList();
            Assert.NotEmpty(cmdlets);
            Assert.All(cmdlets, c =>
            {
                var parameter = c.Parameters.SingleOrDefault(p => p.Property.Name == "Connection");
                Assert.True(parameter.Property != null, $"{c.Name} has no -Connection");
                Assert.Equal(connectionType, parameter.Property!.PropertyType);
            });
        }
        Assert.All(_m.Cmdlets.Where(c => !PlainCmdlets.Contains(c.Name)), c =>
            Assert.True(ModuleMetadata.Derives(c.Type, "MailStoreAdmin.Base.MailStoreAdminCmdlet"), $"{c.Name} bypasses the base cmdlet"));
    }

    [Fact]
    public void Parameters_follow_powershell_conventions()
    {
        var reserved = new[] { "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "UseTransaction" };
        Assert.All(_m.Cmdlets, c => Assert.All(c.Parameters, p =>
        {
            var name = p.Property.Name;
            Assert.DoesNotContain(name, reserved);
            if (p.Property.PropertyType.FullName == "System.Boolean") Assert.Fail($"{c.Name} -{name}: use SwitchParameter");
            if (p.Property.PropertyType == typeof(string).Assembly.GetType("System.String")
                && Regex.IsMatch(name, "Password|Secret|SecKey", RegexOptions.IgnoreCase)) Assert.Fail($"{c.Name} -{name}: secrets must not be plain strings");
            if (name == "Credential")
            {
                Assert.Equal("System.Management.Automation.PSCredential", p.Property.PropertyType.FullName);
                Assert.Contains(p.Property.GetCustomAttributesData(), a => a.AttributeType.Name == "CredentialAttribute");
            }
        }));
    }

    [Fact]
    public void Manifest_exports_exactly_the_cmdlets_and_is_dual_edition()
    {
        var text = File.ReadAllText(Path.Combine(_m.RepositoryRoot, "MailStoreAdmin.psd1"));
        var exports = Regex.Match(text, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var exported = Regex.Matches(exports, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();
        Assert.Equal(_m.Cmdlets.Select(c => c.Name).OrderBy(n => n), exported);
        Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", text);
        Assert.Matches(@"VariablesToExport\s*=\s*@\(\)", text);
        Assert.Matches(@"AliasesToExport\s*=\s*@\(\)", text);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", text);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", text);
        Assert.Matches(@"RootModule\s*=\s*'MailStoreAdmin\.dll'", text);

        var props = File.ReadAllText(Path.Combine(_m.RepositoryRoot, "Directory.Build.props"));
        var version = Regex.Match(props, "<ModuleVersion>([^<]+)</ModuleVersion>").Groups[1].Value;
        Assert.Matches($@"ModuleVersion\s*=\s*'{Regex.Escape(version)}'", text);
        Assert.Equal(new Version(version), new Version(_m.Module.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void Every_error_kind_of_the_core_names_an_error_category()
    {
        // ErrorRecords maps ErrorKind to ErrorCategory by name: a kind without a category would become NotSpecified.
        var kinds = _m.Core.GetType("MailStoreAdmin.Core.Errors.ErrorKind", throwOnError: true)!.GetFields()
            .Where(f => f.IsLiteral).Select(f => f.Name).ToList();
        var categories = _m.Sma.GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!.GetFields()
            .Where(f => f.IsLiteral).Select(f => f.Name).ToHashSet();
        Assert.True(kinds.Count >= 10);
        Assert.All(kinds, kind => Assert.Contains(kind, categories));
    }

    [Fact]
    public void Core_does_not_reference_powershell()
    {
        Assert.DoesNotContain(_m.Core.GetReferencedAssemblies(), a => a.Name == "System.Management.Automation");
    }

    [Fact]
    public void Every_output_type_of_the_module_has_a_table_view_whose_columns_exist()
    {
        var files = Directory.GetFiles(Path.Combine(_m.BuildOutput, "Formats"), "*.Format.ps1xml");
        Assert.NotEmpty(files);
        // Every format file is loaded by the manifest, and a type has one view across all of them.
        var manifest = File.ReadAllText(Path.Combine(_m.RepositoryRoot, "MailStoreAdmin.psd1"));
        Assert.All(files, f => Assert.Contains("'Formats/" + Path.GetFileName(f) + "'", manifest));
        var views = files.SelectMany(f => XDocument.Load(f).Descendants("View"))
            .ToDictionary(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, v => v);
        var outputTypes = _m.Cmdlets.SelectMany(c => c.Type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute"))
            .SelectMany(a => ((IEnumerable<System.Reflection.CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (Type)v.Value!))
            .Where(t => t.Assembly == _m.Core || t.Assembly == _m.Module).Distinct().ToList();
        Assert.NotEmpty(outputTypes);
        Assert.All(outputTypes, t =>
        {
            Assert.True(views.ContainsKey(t.FullName!), $"no view for {t.FullName}");
            foreach (var property in views[t.FullName!].Descendants("PropertyName").Select(p => p.Value))
            {
                Assert.True(t.GetProperty(property) != null, $"{t.Name} has no property {property} shown in its view");
            }
        });
    }

    [Fact]
    public void Every_cmdlet_has_help_whose_parameters_match_the_code()
    {
        Assert.All(_m.Cmdlets, c =>
        {
            var path = Path.Combine(_m.RepositoryRoot, "docs", "en-US", c.Name + ".md");
            Assert.True(File.Exists(path), $"missing help {path}");
            var text = File.ReadAllText(path);
            Assert.Contains("## SYNOPSIS", text);
            Assert.Matches("### Example 1", text);
            var documented = Regex.Matches(text, @"^### -(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order().ToList();
            var declared = c.Parameters.Select(p => p.Property.Name)
                .Concat(c.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>()).Order().ToList();
            Assert.Equal(declared, documented);
        });
    }
}
