using MailStoreAdmin.HelpCompiler;
using Xunit;

namespace MailStoreAdmin.HelpCompiler.Tests;

public class MarkdownHelpParserTests
{
    internal const string Page = """
        ---
        external help file: Sample.dll-Help.xml
        Module Name: Sample
        online version: https://example.test/get-thing
        schema: 2.0.0
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets things.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Thing [[-Name] <String[]>] [-Force] [<CommonParameters>]
        ```

        ### ById
        ```
        Get-Thing -Id <Int32> [-Mode <String>] [<CommonParameters>]
        ```

        ## DESCRIPTION
        The `Get-Thing` cmdlet gets things,
        wrapped over two lines.

        Rules:

        - first rule, which is long and
          wraps onto a second line
        - second rule

        ## EXAMPLES

        ### Example 1: Get all things
        ```powershell
        Get-Thing
        ## not a heading: a comment inside code
        ```

        Gets every thing.

        Really every one.

        ### Example 2: By id
        ```powershell
        Get-Thing -Id 3
        ```

        ## PARAMETERS

        ### -Name
        Names of things.
        Wildcards are allowed.

        ```yaml
        Type: String[]
        Parameter Sets: ByName
        Aliases: N, ThingName

        Required: False
        Position: 0
        Default value: All things
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: True
        ```

        ### -Id
        The id.

        ```yaml
        Type: Int32
        Parameter Sets: ById
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: False
        ```

        ### -Mode
        How.

        ```yaml
        Type: String
        Parameter Sets: ById
        Aliases:
        Accepted values: Fast, Slow

        Required: False
        Position: Named
        Default value: Fast
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Force
        Forces it.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: ByName
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        A name.

        ## OUTPUTS

        ### Sample.Thing
        A thing.

        ### None
        Nothing with -WhatIf.

        ## NOTES
        First note.

        Second note.

        ## RELATED LINKS

        [Set-Thing](Set-Thing.md)

        [Online docs](https://example.test/things)
        """;

    [Fact]
    public void Reads_front_matter_name_synopsis_and_description_paragraphs()
    {
        var help = MarkdownHelpParser.Parse(Page, "Get-Thing.md");
        Assert.Equal("Get-Thing", help.Name);
        Assert.Equal("Get", help.Verb);
        Assert.Equal("Thing", help.Noun);
        Assert.Equal("Sample", help.Metadata["Module Name"]);
        Assert.Equal("https://example.test/get-thing", help.Metadata["online version"]);
        Assert.Equal("Gets things.", help.Synopsis);
        Assert.Equal(new[]
        {
            "The `Get-Thing` cmdlet gets things, wrapped over two lines.",
            "Rules:",
            "- first rule, which is long and wraps onto a second line\n- second rule",
        }, help.Description);
    }

    [Fact]
    public void Reads_syntax_sets_with_default_marker_and_parameter_order()
    {
        var help = MarkdownHelpParser.Parse(Page);
        Assert.Equal(2, help.Syntax.Count);
        Assert.Equal("ByName", help.Syntax[0].SetName);
        Assert.True(help.Syntax[0].IsDefault);
        Assert.Equal(new[] { "Name", "Force" }, help.Syntax[0].ParameterNames);
        Assert.Equal("ById", help.Syntax[1].SetName);
        Assert.False(help.Syntax[1].IsDefault);
        Assert.Equal(new[] { "Id", "Mode" }, help.Syntax[1].ParameterNames);
    }

    [Fact]
    public void Reads_examples_with_code_and_remarks_and_ignores_headings_inside_code()
    {
        var help = MarkdownHelpParser.Parse(Page);
        Assert.Equal(2, help.Examples.Count);
        Assert.Equal("Example 1: Get all things", help.Examples[0].Title);
        Assert.Equal("Get-Thing\n## not a heading: a comment inside code", Assert.Single(help.Examples[0].Code));
        Assert.Equal(new[] { "Gets every thing.", "Really every one." }, help.Examples[0].Remarks);
        Assert.Empty(help.Examples[1].Remarks);
    }

    [Fact]
    public void Reads_every_field_of_the_parameter_yaml_blocks()
    {
        var help = MarkdownHelpParser.Parse(Page);
        Assert.Equal(new[] { "Name", "Id", "Mode", "Force" }, help.Parameters.Select(p => p.Name));
        Assert.True(help.CommonParameters);

        var name = help.Parameter("name")!;
        Assert.Equal(new[] { "Names of things. Wildcards are allowed." }, name.Description);
        var block = Assert.Single(name.Blocks);
        Assert.Equal("String[]", block.Type);
        Assert.Equal(new[] { "ByName" }, block.ParameterSets);
        Assert.False(block.AllSets);
        Assert.Equal(new[] { "N", "ThingName" }, block.Aliases);
        Assert.False(block.Required);
        Assert.Equal("0", block.Position);
        Assert.Equal("All things", block.DefaultValue);
        Assert.True(block.ByValue);
        Assert.True(block.ByPropertyName);
        Assert.True(block.AcceptsWildcards);

        var id = help.Parameter("Id")!.Primary;
        Assert.True(id.Required);
        Assert.Equal("Named", id.Position);
        Assert.False(id.ByValue);
        Assert.True(id.ByPropertyName);
        Assert.Empty(id.Aliases);

        Assert.Equal(new[] { "Fast", "Slow" }, help.Parameter("Mode")!.Primary.AcceptedValues);
        Assert.True(help.Parameter("Force")!.Primary.IsSwitch);
        Assert.False(help.Parameter("Mode")!.Primary.ByValue);
        Assert.False(help.Parameter("Mode")!.Primary.ByPropertyName);
    }

    [Fact]
    public void A_parameter_with_one_block_per_set_resolves_the_block_of_each_set()
    {
        var page = Page.Replace("""
            Type: Int32
            Parameter Sets: ById
            Aliases:

            Required: True
            """, """
            Type: Int32
            Parameter Sets: ById
            Aliases:

            Required: True
            Position: Named
            ```

            ```yaml
            Type: Int32
            Parameter Sets: ByName
            Aliases:

            Required: False
            """);
        var id = MarkdownHelpParser.Parse(page).Parameter("Id")!;
        Assert.Equal(2, id.Blocks.Count);
        Assert.True(id.BlockFor("ById")!.Required);
        Assert.False(id.BlockFor("ByName")!.Required);
        Assert.Null(id.BlockFor("Other"));
    }

    [Fact]
    public void Reads_inputs_outputs_notes_and_related_links()
    {
        var help = MarkdownHelpParser.Parse(Page);
        Assert.Equal("System.String", Assert.Single(help.Inputs).TypeName);
        Assert.Equal(new[] { "A name." }, help.Inputs[0].Description);
        Assert.Equal(new[] { "Sample.Thing", "None" }, help.Outputs.Select(o => o.TypeName));
        Assert.Equal(new[] { "Nothing with -WhatIf." }, help.Outputs[1].Description);
        Assert.Equal(new[] { "First note.", "Second note." }, help.Notes);
        Assert.Equal(new[] { new LinkHelp("Set-Thing", "Set-Thing.md"), new LinkHelp("Online docs", "https://example.test/things") }, help.RelatedLinks);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var help = MarkdownHelpParser.Parse(Page.Replace("\n", "\r\n"));
        Assert.Equal("Gets things.", help.Synopsis);
        Assert.Equal("Get-Thing\n## not a heading: a comment inside code", help.Examples[0].Code[0]);
        Assert.Equal(4, help.Parameters.Count);
    }

    [Theory]
    [InlineData("## SYNOPSIS", "## SYNOPSYS", "unknown section '## SYNOPSYS'")]
    [InlineData("Required: True", "Required: maybe", "'Required: maybe' must be True or False")]
    [InlineData("Position: 0", "Position: first", "'Position: first' must be Named or a number")]
    [InlineData("Accept pipeline input: True (ByPropertyName)", "Accept pipeline input: Sometimes", "must be False or True")]
    [InlineData("Default value: Fast", "Default valu: Fast", "unknown parameter property 'Default valu'")]
    [InlineData("### -Force\nForces it.\n\n```yaml", "### -Force\nForces it.\n\n```text", "parameter -Force has no ```yaml block")]
    [InlineData("### CommonParameters", "### Common Parameters", "a parameter heading must be '### -Name'")]
    [InlineData("schema: 2.0.0\n---", "schema: 2.0.0\n--", "front matter is not closed")]
    public void Malformed_pages_are_refused_with_file_and_line(string find, string replace, string message)
    {
        var page = Page.Replace(find, replace);
        Assert.NotEqual(Page, page);
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(page, "Get-Thing.md"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("Get-Thing.md(", e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void The_line_number_points_at_the_bad_yaml_line()
    {
        var page = Page.Replace("Required: True", "Required: yes");
        var e = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.Parse(page, "x.md"));
        var expected = page.Split('\n').ToList().FindIndex(l => l == "Required: yes") + 1;
        Assert.Equal(expected, e.Line);
    }
}
