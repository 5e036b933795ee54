using System.Text;
using System.Text.RegularExpressions;

namespace MailStoreAdmin.HelpCompiler;

/// <summary>
/// Reads a cmdlet page in platyPS markdown schema 2.0: yaml front matter, "# Name", then the level-2 sections
/// SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS. Headings inside
/// code fences are code, not structure.
/// </summary>
public static class MarkdownHelpParser
{
    private static readonly Regex ParameterToken = new(@"(?<![\w-])-([A-Za-z_]\w*)", RegexOptions.CultureInvariant);
    private static readonly Regex Link = new(@"\[([^\]]+)\]\(([^)]*)\)", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"^\s{0,3}([-*+]|\d+[.)])\s", RegexOptions.CultureInvariant);
    private static readonly string[] KnownSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    public static CommandHelp ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static CommandHelp Parse(string markdown, string source = "<markdown>")
    {
        var lines = markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var help = new CommandHelp { SourcePath = source };
        var i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) help.Metadata[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            if (i >= lines.Length) throw new HelpFormatException(source, 1, "the yaml front matter is not closed with ---.");
            i++;
        }

        var sections = Split(lines, i, lines.Length, "# ");
        var title = sections.FirstOrDefault(s => s.Heading != null);
        if (title == null) throw new HelpFormatException(source, i + 1, "no '# <Cmdlet-Name>' heading.");
        help.Name = title.Heading!.Trim();
        if (sections.Count(s => s.Heading != null) > 1) throw new HelpFormatException(source, sections.Last().Line, "more than one level-1 heading.");

        foreach (var section in Split(lines, title.Start, title.End, "## "))
        {
            if (section.Heading == null)
            {
                if (section.Lines(lines).Any(l => l.Trim().Length > 0)) throw new HelpFormatException(source, section.Line, "text before the first '## ' section.");
                continue;
            }
            var name = section.Heading.Trim().ToUpperInvariant();
            switch (name)
            {
                case "SYNOPSIS":
                    help.Synopsis = string.Join("\n\n", Paragraphs(lines, section.Start, section.End));
                    break;
                case "SYNTAX":
                    ReadSyntax(help, lines, section);
                    break;
                case "DESCRIPTION":
                    help.Description.AddRange(Paragraphs(lines, section.Start, section.End));
                    break;
                case "EXAMPLES":
                    ReadExamples(help, lines, section);
                    break;
                case "PARAMETERS":
                    ReadParameters(help, lines, section);
                    break;
                case "INPUTS":
                    help.Inputs.AddRange(ReadTypes(help, lines, section));
                    break;
                case "OUTPUTS":
                    help.Outputs.AddRange(ReadTypes(help, lines, section));
                    break;
                case "NOTES":
                    help.Notes.AddRange(Paragraphs(lines, section.Start, section.End));
                    break;
                case "RELATED LINKS":
                    foreach (Match m in Link.Matches(string.Join("\n", section.Lines(lines))))
                        help.RelatedLinks.Add(new LinkHelp(m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim()));
                    break;
                default:
                    throw new HelpFormatException(source, section.Line,
                        $"unknown section '## {section.Heading}' (expected one of: {string.Join(", ", KnownSections)}).");
            }
        }
        return help;
    }

    private static void ReadSyntax(CommandHelp help, string[] lines, Section section)
    {
        foreach (var set in Split(lines, section.Start, section.End, "### "))
        {
            var code = Blocks(lines, set.Start, set.End).Where(b => b.IsCode).Select(b => b.Text).FirstOrDefault();
            if (code == null)
            {
                if (set.Heading != null) throw new HelpFormatException(help.SourcePath, set.Line, $"syntax '{set.Heading}' has no code block.");
                continue;
            }
            var heading = (set.Heading ?? "__AllParameterSets").Trim();
            var isDefault = heading.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
            if (isDefault) heading = heading[..^"(Default)".Length].Trim();
            var names = ParameterToken.Matches(code).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            help.Syntax.Add(new SyntaxHelp(heading, isDefault, code, names));
        }
    }

    private static void ReadExamples(CommandHelp help, string[] lines, Section section)
    {
        foreach (var sub in Split(lines, section.Start, section.End, "### "))
        {
            if (sub.Heading == null) continue;
            var example = new ExampleHelp { Title = sub.Heading.Trim() };
            foreach (var block in Blocks(lines, sub.Start, sub.End))
            {
                if (block.IsCode) example.Code.Add(block.Text);
                else example.Remarks.Add(block.Text);
            }
            help.Examples.Add(example);
        }
    }

    private static void ReadParameters(CommandHelp help, string[] lines, Section section)
    {
        foreach (var sub in Split(lines, section.Start, section.End, "### "))
        {
            if (sub.Heading == null) continue;
            var heading = sub.Heading.Trim();
            if (heading.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)) { help.CommonParameters = true; continue; }
            if (heading.Equals("WorkflowCommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            if (!heading.StartsWith('-') || heading.Length < 2)
                throw new HelpFormatException(help.SourcePath, sub.Line, $"a parameter heading must be '### -Name', not '### {heading}'.");
            var parameter = new ParameterHelp { Name = heading[1..].Trim() };
            foreach (var block in Blocks(lines, sub.Start, sub.End))
            {
                if (block.IsCode && block.Language.Equals("yaml", StringComparison.OrdinalIgnoreCase)) parameter.Blocks.Add(ReadYaml(help, block));
                else if (parameter.Blocks.Count == 0) parameter.Description.Add(block.Text);
            }
            if (parameter.Blocks.Count == 0) throw new HelpFormatException(help.SourcePath, sub.Line, $"parameter -{parameter.Name} has no ```yaml block.");
            help.Parameters.Add(parameter);
        }
    }

    private static ParameterBlock ReadYaml(CommandHelp help, Block block)
    {
        var result = new ParameterBlock();
        var lineNumber = block.Line;
        foreach (var raw in block.Text.Split('\n'))
        {
            lineNumber++;
            if (raw.Trim().Length == 0) continue;
            var colon = raw.IndexOf(':');
            if (colon <= 0) throw new HelpFormatException(help.SourcePath, lineNumber, $"'{raw.Trim()}' is not 'Key: value'.");
            var key = raw[..colon].Trim();
            var value = raw[(colon + 1)..].Trim();
            switch (key.ToUpperInvariant())
            {
                case "TYPE": result.Type = value; break;
                case "PARAMETER SETS": result.ParameterSets.AddRange(List(value)); break;
                case "ALIASES": result.Aliases.AddRange(List(value)); break;
                case "REQUIRED": result.Required = Bool(help, lineNumber, key, value); break;
                case "POSITION": result.Position = value.Length == 0 ? "Named" : value; break;
                case "DEFAULT VALUE": result.DefaultValue = value.Length == 0 ? "None" : value; break;
                case "ACCEPT PIPELINE INPUT": result.PipelineInput = value.Length == 0 ? "False" : value; break;
                case "ACCEPT WILDCARD CHARACTERS": result.AcceptsWildcards = Bool(help, lineNumber, key, value); break;
                case "ACCEPTED VALUES": result.AcceptedValues.AddRange(List(value)); break;
                case "APPLICABLE": break;
                default: throw new HelpFormatException(help.SourcePath, lineNumber, $"unknown parameter property '{key}'.");
            }
        }
        if (result.Type.Length == 0) throw new HelpFormatException(help.SourcePath, block.Line, "the parameter's yaml block has no Type.");
        if (!result.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) && !result.PipelineInput.Equals("False", StringComparison.OrdinalIgnoreCase))
            throw new HelpFormatException(help.SourcePath, block.Line, $"'Accept pipeline input: {result.PipelineInput}' must be False or True (ByValue/ByPropertyName).");
        if (result.Position != "Named" && !int.TryParse(result.Position, out _))
            throw new HelpFormatException(help.SourcePath, block.Line, $"'Position: {result.Position}' must be Named or a number.");
        return result;
    }

    private static IEnumerable<string> List(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && !v.Equals("None", StringComparison.OrdinalIgnoreCase));

    private static bool Bool(CommandHelp help, int line, string key, string value) => value.ToUpperInvariant() switch
    {
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new HelpFormatException(help.SourcePath, line, $"'{key}: {value}' must be True or False."),
    };

    private static IEnumerable<TypeHelp> ReadTypes(CommandHelp help, string[] lines, Section section)
    {
        foreach (var sub in Split(lines, section.Start, section.End, "### "))
        {
            if (sub.Heading == null) continue;
            var type = new TypeHelp { TypeName = sub.Heading.Trim() };
            type.Description.AddRange(Paragraphs(lines, sub.Start, sub.End));
            yield return type;
        }
    }

    /// <summary>Paragraphs of prose, with code blocks kept verbatim as paragraphs of their own.</summary>
    private static List<string> Paragraphs(string[] lines, int start, int end) =>
        Blocks(lines, start, end).Select(b => b.Text).ToList();

    private sealed record Block(bool IsCode, string Language, string Text, int Line);

    /// <summary>Splits lines into paragraphs and fenced code blocks.</summary>
    private static List<Block> Blocks(string[] lines, int start, int end)
    {
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        var paragraphLine = 0;
        void Flush()
        {
            if (paragraph.Count > 0) blocks.Add(new Block(false, "", JoinProse(paragraph), paragraphLine));
            paragraph.Clear();
        }
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var fence = FenceOf(line);
            if (fence != null)
            {
                Flush();
                var language = line.TrimStart()[fence.Length..].Trim();
                var code = new List<string>();
                var open = i;
                for (i++; i < end && !IsClosingFence(lines[i], fence); i++) code.Add(lines[i]);
                blocks.Add(new Block(true, language, string.Join("\n", code).TrimEnd(), open + 1));
                continue;
            }
            if (line.Trim().Length == 0) { Flush(); continue; }
            if (paragraph.Count == 0) paragraphLine = i + 1;
            paragraph.Add(line);
        }
        Flush();
        return blocks;
    }

    /// <summary>
    /// Hard-wrapped prose becomes one line; list items stay one per line, their wrapped continuations joined to them.
    /// </summary>
    private static string JoinProse(List<string> lines)
    {
        var result = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (result.Length == 0) result.Append(line.TrimStart());
            else if (ListItem.IsMatch(line) || line.StartsWith('|')) result.Append('\n').Append(line.TrimStart());
            else result.Append(' ').Append(line.Trim());
        }
        return result.ToString();
    }

    private static string? FenceOf(string line)
    {
        var trimmed = line.TrimStart();
        if (line.Length - trimmed.Length > 3) return null;
        if (trimmed.StartsWith("```", StringComparison.Ordinal)) return new string('`', trimmed.TakeWhile(c => c == '`').Count());
        if (trimmed.StartsWith("~~~", StringComparison.Ordinal)) return new string('~', trimmed.TakeWhile(c => c == '~').Count());
        return null;
    }

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    private sealed record Section(string? Heading, int Line, int Start, int End)
    {
        public IEnumerable<string> Lines(string[] all) => all.Skip(Start).Take(End - Start);
    }

    /// <summary>Splits [start, end) at headings with this prefix that stand outside code fences.</summary>
    private static List<Section> Split(string[] lines, int start, int end, string prefix)
    {
        var result = new List<Section>();
        string? heading = null;
        var headingLine = start + 1;
        var bodyStart = start;
        string? fence = null;
        for (var i = start; i < end; i++)
        {
            if (fence != null)
            {
                if (IsClosingFence(lines[i], fence)) fence = null;
                continue;
            }
            fence = FenceOf(lines[i]);
            if (fence != null) continue;
            if (lines[i].StartsWith(prefix, StringComparison.Ordinal))
            {
                if (heading != null || i > bodyStart) result.Add(new Section(heading, headingLine, bodyStart, i));
                heading = lines[i][prefix.Length..];
                headingLine = i + 1;
                bodyStart = i + 1;
            }
        }
        if (heading != null || end > bodyStart) result.Add(new Section(heading, headingLine, bodyStart, end));
        return result;
    }
}
