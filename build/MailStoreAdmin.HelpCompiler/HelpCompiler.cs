namespace MailStoreAdmin.HelpCompiler;

/// <summary>Compiles a docs folder: every cmdlet page into one MAML file, and the about_ topics copied beside it.</summary>
public static class HelpCompiler
{
    /// <summary>The cmdlet pages of a docs folder (every *.md except about_ topics and READMEs).</summary>
    public static IReadOnlyList<string> CommandPages(string docsFolder) =>
        Directory.GetFiles(docsFolder, "*.md")
            .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase)
                && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Parses every page and checks what the MAML needs; returns the pages and the problems found.</summary>
    public static (List<CommandHelp> Commands, List<string> Errors) Read(string docsFolder)
    {
        var commands = new List<CommandHelp>();
        var errors = new List<string>();
        foreach (var page in CommandPages(docsFolder))
        {
            try
            {
                var help = MarkdownHelpParser.ParseFile(page);
                errors.AddRange(Check(help));
                commands.Add(help);
            }
            catch (HelpFormatException e)
            {
                errors.Add(e.Message);
            }
        }
        return (commands, errors);
    }

    /// <summary>What a page must have for Get-Help to be useful, and agree with itself (code-independent checks).</summary>
    public static IEnumerable<string> Check(CommandHelp help)
    {
        var where = help.SourcePath;
        var expected = Path.GetFileNameWithoutExtension(where);
        if (where.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !string.Equals(expected, help.Name, StringComparison.Ordinal))
            yield return $"{where}: the title '# {help.Name}' does not match the file name.";
        if (string.IsNullOrWhiteSpace(help.Synopsis) || help.Synopsis.Contains("{{", StringComparison.Ordinal))
            yield return $"{where}: no SYNOPSIS text.";
        if (help.Description.Count == 0 || help.Description.Any(d => d.Contains("{{", StringComparison.Ordinal)))
            yield return $"{where}: no DESCRIPTION text.";
        if (help.Examples.Count == 0) yield return $"{where}: no example.";
        foreach (var example in help.Examples.Where(e => e.Code.Count == 0))
            yield return $"{where}: example '{example.Title}' has no code block.";
        if (help.Syntax.Count == 0) yield return $"{where}: no SYNTAX block.";
        foreach (var syntax in help.Syntax)
            foreach (var name in syntax.ParameterNames.Where(n => help.Parameter(n) == null))
                yield return $"{where}: syntax '{syntax.SetName}' names -{name}, which has no '### -{name}' section.";
        foreach (var parameter in help.Parameters.Where(p => p.Description.Count == 0))
            yield return $"{where}: parameter -{parameter.Name} has no description.";
        foreach (var duplicate in help.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return $"{where}: parameter -{duplicate.Key} is documented twice.";
    }

    /// <summary>Writes helpFileName (e.g. MailStoreAdmin.dll-Help.xml) and copies about_*.help.txt into outputFolder.</summary>
    public static string Compile(string docsFolder, string outputFolder, string helpFileName)
    {
        var (commands, errors) = Read(docsFolder);
        if (errors.Count > 0) throw new InvalidOperationException("The help pages have problems:\n  " + string.Join("\n  ", errors));
        if (commands.Count == 0) throw new InvalidOperationException($"No cmdlet pages in {docsFolder}.");
        Directory.CreateDirectory(outputFolder);
        var target = Path.Combine(outputFolder, helpFileName);
        MamlWriter.Save(commands, target);
        foreach (var about in Directory.GetFiles(docsFolder, "about_*.help.txt"))
            File.Copy(about, Path.Combine(outputFolder, Path.GetFileName(about)), overwrite: true);
        return target;
    }
}
