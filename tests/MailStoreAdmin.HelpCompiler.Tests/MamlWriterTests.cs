using System.Reflection;
using System.Xml.Linq;
using MailStoreAdmin.HelpCompiler;
using Xunit;

namespace MailStoreAdmin.HelpCompiler.Tests;

public class MamlWriterTests
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    private static XElement Thing() =>
        Assert.Single(MamlWriter.ToDocument(new[] { MarkdownHelpParser.Parse(MarkdownHelpParserTests.Page, "Get-Thing.md") }).Root!.Elements());

    private static string[] Paras(XElement? description) => description!.Elements(Maml + "para").Select(p => p.Value).ToArray();

    [Fact]
    public void The_root_is_a_maml_help_items_element_with_the_platyps_namespaces()
    {
        var document = MamlWriter.ToDocument(new[] { MarkdownHelpParser.Parse(MarkdownHelpParserTests.Page) });
        Assert.Equal(XName.Get("helpItems", "http://msh"), document.Root!.Name);
        Assert.Equal("maml", document.Root.Attribute("schema")!.Value);
        var command = Assert.Single(document.Root.Elements());
        Assert.Equal(XName.Get("command", "http://schemas.microsoft.com/maml/dev/command/2004/10"), command.Name);
        Assert.Equal("http://schemas.microsoft.com/maml/2004/10", command.Attribute(XNamespace.Xmlns + "maml")!.Value);
        Assert.Equal("http://schemas.microsoft.com/maml/dev/2004/10", command.Attribute(XNamespace.Xmlns + "dev")!.Value);
        Assert.Equal("http://schemas.microsoft.com/maml/dev/command/2004/10", command.Attribute(XNamespace.Xmlns + "command")!.Value);
    }

    [Fact]
    public void Details_hold_name_verb_noun_and_synopsis_and_the_description_its_paragraphs()
    {
        var command = Thing();
        var details = command.Element(Command + "details")!;
        Assert.Equal("Get-Thing", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("Thing", details.Element(Command + "noun")!.Value);
        Assert.Equal(new[] { "Gets things." }, Paras(details.Element(Maml + "description")));
        Assert.Equal(3, Paras(command.Element(Maml + "description")).Length);
        Assert.StartsWith("The `Get-Thing` cmdlet", Paras(command.Element(Maml + "description"))[0]);
    }

    [Fact]
    public void One_syntax_item_per_set_with_that_sets_parameters_in_order_and_switches_without_a_value()
    {
        var items = Thing().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Get-Thing", i.Element(Maml + "name")!.Value));
        Assert.Equal(new[] { "Name", "Force" }, items[0].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
        Assert.Equal(new[] { "Id", "Mode" }, items[1].Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));
        var force = items[0].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
        Assert.Null(force.Element(Command + "parameterValue"));
        var name = items[0].Elements(Command + "parameter").First();
        Assert.Equal("String[]", name.Element(Command + "parameterValue")!.Value);
        Assert.Equal("true", name.Element(Command + "parameterValue")!.Attribute("required")!.Value);
    }

    [Fact]
    public void Parameters_carry_every_yaml_field_as_platyps_writes_them()
    {
        var parameters = Thing().Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => p.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Name", "Id", "Mode", "Force" }, parameters.Keys);

        var name = parameters["Name"];
        Assert.Equal("false", name.Attribute("required")!.Value);
        Assert.Equal("true", name.Attribute("globbing")!.Value);
        Assert.Equal("True (ByPropertyName, ByValue)", name.Attribute("pipelineInput")!.Value);
        Assert.Equal("0", name.Attribute("position")!.Value);
        Assert.Equal("N, ThingName", name.Attribute("aliases")!.Value);
        Assert.Equal(new[] { "Names of things. Wildcards are allowed." }, Paras(name.Element(Maml + "description")));
        Assert.Equal("String[]", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("All things", name.Element(Dev + "defaultValue")!.Value);

        var id = parameters["Id"];
        Assert.Equal("true", id.Attribute("required")!.Value);
        Assert.Equal("named", id.Attribute("position")!.Value);
        Assert.Equal("none", id.Attribute("aliases")!.Value);
        Assert.Equal("True (ByPropertyName)", id.Attribute("pipelineInput")!.Value);

        var force = parameters["Force"];
        Assert.Equal("SwitchParameter", force.Element(Command + "parameterValue")!.Value);
        Assert.Equal("false", force.Element(Command + "parameterValue")!.Attribute("required")!.Value);

        var values = parameters["Mode"].Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value);
        Assert.Equal(new[] { "Fast", "Slow" }, values);
    }

    [Fact]
    public void Examples_have_a_dashed_title_the_code_and_the_remarks()
    {
        var examples = Thing().Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("-------------------------- Example 1: Get all things --------------------------", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Get-Thing\n## not a heading: a comment inside code", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal(new[] { "Gets every thing.", "Really every one." }, Paras(examples[0].Element(Dev + "remarks")));
        Assert.Empty(examples[1].Element(Dev + "remarks")!.Elements());
    }

    [Fact]
    public void Inputs_outputs_notes_and_links_are_written()
    {
        var command = Thing();
        var input = Assert.Single(command.Element(Command + "inputTypes")!.Elements(Command + "inputType"));
        Assert.Equal("System.String", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "A name." }, Paras(input.Element(Maml + "description")));
        var outputs = command.Element(Command + "returnValues")!.Elements(Command + "returnValue").ToList();
        Assert.Equal(new[] { "Sample.Thing", "None" }, outputs.Select(o => o.Element(Dev + "type")!.Element(Maml + "name")!.Value));
        Assert.Equal(new[] { "First note.", "Second note." }, command.Element(Maml + "alertSet")!.Element(Maml + "alert")!.Elements(Maml + "para").Select(p => p.Value));
        var links = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
            .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value)).ToList();
        Assert.Equal(new[] { ("Online Version:", "https://example.test/get-thing"), ("Set-Thing", ""), ("Online docs", "https://example.test/things") }, links);
    }

    [Fact]
    public void Text_with_markup_characters_is_escaped_and_round_trips()
    {
        var page = MarkdownHelpParserTests.Page.Replace("Gets things.", "Gets <things> & \"stuff\".");
        var path = Path.Combine(Path.GetTempPath(), $"maml-{Guid.NewGuid():N}.xml");
        try
        {
            MamlWriter.Save(new[] { MarkdownHelpParser.Parse(page) }, path);
            var text = File.ReadAllText(path);
            Assert.Contains("&lt;things&gt; &amp;", text);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
            var synopsis = XDocument.Load(path).Descendants(Command + "details").Single().Element(Maml + "description")!.Element(Maml + "para")!.Value;
            Assert.Equal("Gets <things> & \"stuff\".", synopsis);
        }
        finally { File.Delete(path); }
    }
}

/// <summary>The converter on the repository's own pages: what the build packages.</summary>
public class RepositoryHelpTests
{
    private static readonly string Root = Path.GetFullPath(typeof(RepositoryHelpTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);
    private static readonly string Docs = Path.Combine(Root, "docs", "en-US");

    [Fact]
    public void Every_page_of_the_repository_compiles_into_one_help_file_with_the_about_topic()
    {
        var output = Path.Combine(Path.GetTempPath(), $"help-{Guid.NewGuid():N}");
        try
        {
            var file = HelpCompiler.Compile(Docs, output, "MailStoreAdmin.dll-Help.xml");
            Assert.True(File.Exists(Path.Combine(output, "about_MailStoreAdmin.help.txt")));
            var commands = XDocument.Load(file).Root!.Elements(MamlWriter.Command + "command").ToList();
            var pages = HelpCompiler.CommandPages(Docs);
            Assert.True(pages.Count >= 30);
            Assert.Equal(pages.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.OrdinalIgnoreCase),
                commands.Select(c => c.Element(MamlWriter.Command + "details")!.Element(MamlWriter.Command + "name")!.Value));
            Assert.All(commands, c =>
            {
                Assert.NotEmpty(c.Element(MamlWriter.Command + "details")!.Element(MamlWriter.Maml + "description")!.Elements());
                Assert.NotEmpty(c.Element(MamlWriter.Maml + "description")!.Elements());
                Assert.NotEmpty(c.Element(MamlWriter.Command + "examples")!.Elements());
                Assert.NotEmpty(c.Element(MamlWriter.Command + "syntax")!.Elements());
            });
        }
        finally { if (Directory.Exists(output)) Directory.Delete(output, true); }
    }

    [Fact]
    public void A_page_without_an_example_fails_the_compile_and_is_named()
    {
        var docs = Path.Combine(Path.GetTempPath(), $"docs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(docs);
        try
        {
            var page = MarkdownHelpParserTests.Page;
            var start = page.IndexOf("### Example 1", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(docs, "Get-Thing.md"), page[..start] + page[page.IndexOf("## PARAMETERS", StringComparison.Ordinal)..]);
            var e = Assert.Throws<InvalidOperationException>(() => HelpCompiler.Compile(docs, Path.Combine(docs, "out"), "x.xml"));
            Assert.Contains("Get-Thing.md: no example", e.Message);
            Assert.False(File.Exists(Path.Combine(docs, "out", "x.xml")));
        }
        finally { Directory.Delete(docs, true); }
    }

    [Theory]
    [InlineData("Gets things.", "{{ Fill in the Synopsis }}", "no SYNOPSIS text")]
    [InlineData("# Get-Thing", "# Get-Things", "does not match the file name")]
    [InlineData("Get-Thing -Id <Int32> [-Mode <String>]", "Get-Thing -Id <Int32> [-Mode <String>] [-Ghost]", "names -Ghost, which has no")]
    [InlineData("The id.\n", "", "parameter -Id has no description")]
    public void Checks_report_what_get_help_would_miss(string find, string replace, string message)
    {
        var page = MarkdownHelpParserTests.Page.Replace(find, replace);
        Assert.NotEqual(MarkdownHelpParserTests.Page, page);
        var problems = HelpCompiler.Check(MarkdownHelpParser.Parse(page, "Get-Thing.md")).ToList();
        Assert.Contains(problems, p => p.Contains(message, StringComparison.Ordinal));
        Assert.Empty(HelpCompiler.Check(MarkdownHelpParser.Parse(MarkdownHelpParserTests.Page, "Get-Thing.md")));
    }
}
