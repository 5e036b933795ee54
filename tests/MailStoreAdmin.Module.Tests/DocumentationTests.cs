using System.Reflection;
using System.Text.RegularExpressions;
using MailStoreAdmin.HelpCompiler;
using Xunit;

namespace MailStoreAdmin.Module.Tests;

/// <summary>
/// Docs that cannot go stale: every cmdlet of the built assembly and of the manifest's CmdletsToExport has a page in
/// docs/en-US, read with the help compiler's own parser, whose text is complete and whose parameters are the code's
/// (names, Mandatory per parameter set, pipeline binding, position, aliases). Cmdlets added later are covered by
/// iterating the assembly and the manifest.
/// </summary>
public class DocumentationTests : IClassFixture<ModuleMetadata>
{
    private const string AllSets = "__AllParameterSets";
    private readonly ModuleMetadata _m;

    public DocumentationTests(ModuleMetadata metadata) => _m = metadata;

    private string Docs => Path.Combine(_m.RepositoryRoot, "docs", "en-US");

    private IEnumerable<string> ExportedNames()
    {
        var text = File.ReadAllText(Path.Combine(_m.RepositoryRoot, "MailStoreAdmin.psd1"));
        var exports = Regex.Match(text, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        return Regex.Matches(exports, "'([^']+)'").Select(m => m.Groups[1].Value);
    }

    private CommandHelp? Page(string cmdlet)
    {
        var path = Path.Combine(Docs, cmdlet + ".md");
        return File.Exists(path) ? MarkdownHelpParser.ParseFile(path) : null;
    }

    [Fact]
    public void Every_cmdlet_of_the_assembly_and_the_manifest_has_a_page_and_every_page_a_cmdlet()
    {
        var cmdlets = _m.Cmdlets.Select(c => c.Name).Concat(ExportedNames()).Distinct().ToList();
        Assert.True(cmdlets.Count >= 30);
        var missing = cmdlets.Where(c => !File.Exists(Path.Combine(Docs, c + ".md"))).ToList();
        Assert.True(missing.Count == 0, "cmdlets without a page in docs/en-US: " + string.Join(", ", missing));
        var orphans = HelpCompiler.HelpCompiler.CommandPages(Docs).Select(Path.GetFileNameWithoutExtension).Where(p => !cmdlets.Contains(p!)).ToList();
        Assert.True(orphans.Count == 0, "pages without a cmdlet: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Every_page_has_a_synopsis_a_description_and_examples_with_code()
    {
        var problems = _m.Cmdlets.Select(c => Page(c.Name)).Where(p => p != null)
            .SelectMany(p => HelpCompiler.HelpCompiler.Check(p!)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(_m.Cmdlets, c =>
        {
            var page = Page(c.Name)!;
            Assert.False(string.IsNullOrWhiteSpace(page.Synopsis), $"{c.Name}: no synopsis");
            Assert.NotEmpty(page.Description);
            Assert.NotEmpty(page.Examples);
            Assert.All(page.Examples, e => Assert.NotEmpty(e.Code));
            Assert.True(page.CommonParameters, $"{c.Name}: the page has no CommonParameters section");
        });
    }

    /// <summary>What the code declares for one parameter: its [Parameter] attributes and [Alias] names.</summary>
    private sealed record DeclaredParameter(string Name, List<(string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName)> Sets, List<string> Aliases);

    private static List<DeclaredParameter> Declared(CmdletInfo cmdlet)
    {
        var result = cmdlet.Parameters.Select(p => new DeclaredParameter(
            p.Property.Name,
            p.Attributes.Select(a => (
                Set: Arg<string>(a, "ParameterSetName") ?? AllSets,
                Mandatory: Arg<bool>(a, "Mandatory"),
                Position: a.NamedArguments.Any(n => n.MemberName == "Position") ? Arg<int>(a, "Position") : int.MinValue,
                ByValue: Arg<bool>(a, "ValueFromPipeline"),
                ByPropertyName: Arg<bool>(a, "ValueFromPipelineByPropertyName"))).ToList(),
            p.Property.GetCustomAttributesData().Where(a => a.AttributeType.Name == "AliasAttribute")
                .SelectMany(a => a.ConstructorArguments.SelectMany(Strings)).ToList())).ToList();
        if (cmdlet.SupportsShouldProcess)
        {
            result.Add(new DeclaredParameter("WhatIf", new() { (AllSets, false, int.MinValue, false, false) }, new() { "wi" }));
            result.Add(new DeclaredParameter("Confirm", new() { (AllSets, false, int.MinValue, false, false) }, new() { "cf" }));
        }
        return result;
    }

    private static T? Arg<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T?)a.TypedValue.Value).FirstOrDefault();

    private static IEnumerable<string> Strings(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : new[] { (string)argument.Value! };

    [Fact]
    public void Every_page_documents_exactly_the_cmdlets_parameters_with_their_binding()
    {
        var problems = new List<string>();
        foreach (var cmdlet in _m.Cmdlets)
        {
            var page = Page(cmdlet.Name);
            if (page == null) { problems.Add($"{cmdlet.Name}: no page"); continue; }
            problems.AddRange(Compare(cmdlet.Name, Declared(cmdlet), page));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Differences between the code's parameters and a page; empty when they agree.</summary>
    private static IEnumerable<string> Compare(string cmdlet, List<DeclaredParameter> declared, CommandHelp page)
    {
        var documented = page.Parameters.Select(p => p.Name).ToList();
        foreach (var name in declared.Select(d => d.Name).Except(documented, StringComparer.Ordinal))
            yield return $"{cmdlet}: -{name} is not documented";
        foreach (var name in documented.Except(declared.Select(d => d.Name), StringComparer.Ordinal))
            yield return $"{cmdlet}: -{name} is documented but the cmdlet has no such parameter";

        foreach (var parameter in declared)
        {
            var help = page.Parameter(parameter.Name);
            if (help == null) continue;
            foreach (var (set, mandatory, position, _, _) in parameter.Sets)
            {
                var block = set == AllSets ? help.Blocks.FirstOrDefault(b => b.AllSets) ?? help.Primary : help.BlockFor(set);
                if (block == null) { yield return $"{cmdlet} -{parameter.Name}: 'Parameter Sets' does not list {set}"; continue; }
                if (block.Required != mandatory)
                    yield return $"{cmdlet} -{parameter.Name}: Required: {block.Required} on the page but Mandatory = {mandatory} in set {set}";
                var expectedPosition = position == int.MinValue ? "Named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!string.Equals(block.Position, expectedPosition, StringComparison.OrdinalIgnoreCase))
                    yield return $"{cmdlet} -{parameter.Name}: Position: {block.Position} on the page but {expectedPosition} in the code (set {set})";
            }
            var declaredSets = parameter.Sets.Select(s => s.Set).ToHashSet();
            foreach (var set in help.Blocks.Where(b => !b.AllSets).SelectMany(b => b.ParameterSets).Where(s => !declaredSets.Contains(s) && !declaredSets.Contains(AllSets)))
                yield return $"{cmdlet} -{parameter.Name}: the page lists parameter set {set}, which the parameter is not in";
            if (help.Blocks.Any(b => b.AllSets) && !declaredSets.Contains(AllSets))
                yield return $"{cmdlet} -{parameter.Name}: the page says (All) parameter sets, the code only {string.Join(", ", declaredSets)}";

            bool byValue = parameter.Sets.Any(s => s.ByValue), byName = parameter.Sets.Any(s => s.ByPropertyName);
            bool pageByValue = help.Blocks.Any(b => b.ByValue), pageByName = help.Blocks.Any(b => b.ByPropertyName);
            if (byValue != pageByValue || byName != pageByName)
                yield return $"{cmdlet} -{parameter.Name}: 'Accept pipeline input: {help.Primary.PipelineInput}' but the code has ValueFromPipeline = {byValue}, ValueFromPipelineByPropertyName = {byName}";

            var pageAliases = help.Blocks.SelectMany(b => b.Aliases).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
            var codeAliases = parameter.Aliases.Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
            if (!pageAliases.SequenceEqual(codeAliases, StringComparer.OrdinalIgnoreCase))
                yield return $"{cmdlet} -{parameter.Name}: Aliases '{string.Join(", ", pageAliases)}' on the page but '{string.Join(", ", codeAliases)}' in the code";
        }

        foreach (var syntax in page.Syntax)
            foreach (var name in syntax.ParameterNames.Where(n => declared.All(d => !string.Equals(d.Name, n, StringComparison.Ordinal))))
                yield return $"{cmdlet}: the syntax of {syntax.SetName} names -{name}, which the cmdlet does not have";
    }

    [Fact]
    public void The_comparison_catches_a_stale_page()
    {
        // The check itself must be able to fail: a page edited out of step with Connect-MsServer's code.
        var cmdlet = _m.Cmdlets.Single(c => c.Name == "Connect-MsServer");
        var text = File.ReadAllText(Path.Combine(Docs, "Connect-MsServer.md"));
        Assert.Empty(Compare(cmdlet.Name, Declared(cmdlet), MarkdownHelpParser.Parse(text)));

        var renamed = MarkdownHelpParser.Parse(text.Replace("### -TimeoutSec", "### -TimeoutSeconds"));
        var problems = Compare(cmdlet.Name, Declared(cmdlet), renamed).ToList();
        Assert.Contains(problems, p => p.Contains("-TimeoutSec is not documented"));
        Assert.Contains(problems, p => p.Contains("-TimeoutSeconds is documented but"));

        var optional = Regex.Replace(text, @"(### -ComputerName[\s\S]*?Required: )True", "${1}False");
        Assert.Contains(Compare(cmdlet.Name, Declared(cmdlet), MarkdownHelpParser.Parse(optional)), p => p.Contains("-ComputerName: Required: False"));

        var piped = Regex.Replace(text, @"(### -ComputerName[\s\S]*?Accept pipeline input: )False", "${1}True (ByValue)");
        Assert.Contains(Compare(cmdlet.Name, Declared(cmdlet), MarkdownHelpParser.Parse(piped)), p => p.Contains("-ComputerName: 'Accept pipeline input"));
    }
}
