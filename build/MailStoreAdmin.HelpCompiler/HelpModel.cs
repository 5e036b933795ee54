namespace MailStoreAdmin.HelpCompiler;

/// <summary>One cmdlet's help page, as read from platyPS markdown (schema 2.0).</summary>
public sealed class CommandHelp
{
    public string Name { get; set; } = "";
    public string SourcePath { get; set; } = "";
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public string Synopsis { get; set; } = "";
    public List<SyntaxHelp> Syntax { get; } = new();
    public List<string> Description { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    public bool CommonParameters { get; set; }
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<LinkHelp> RelatedLinks { get; } = new();

    public string Verb => Name.Contains('-') ? Name[..Name.IndexOf('-')] : Name;
    public string Noun => Name.Contains('-') ? Name[(Name.IndexOf('-') + 1)..] : "";

    public ParameterHelp? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One parameter set of the SYNTAX section: its heading and the parameter names in the order written.</summary>
public sealed record SyntaxHelp(string SetName, bool IsDefault, string Text, IReadOnlyList<string> ParameterNames);

public sealed class ExampleHelp
{
    public string Title { get; set; } = "";
    public List<string> Code { get; } = new();
    public List<string> Remarks { get; } = new();
}

public sealed class ParameterHelp
{
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
    /// <summary>One yaml block each; platyPS writes several when a parameter differs between parameter sets.</summary>
    public List<ParameterBlock> Blocks { get; } = new();

    public ParameterBlock Primary => Blocks[0];

    /// <summary>The block that applies to a parameter set (one listing the set by name, else one for all sets).</summary>
    public ParameterBlock? BlockFor(string setName) =>
        Blocks.FirstOrDefault(b => b.ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase))
        ?? Blocks.FirstOrDefault(b => b.AllSets);
}

/// <summary>The yaml block under a parameter.</summary>
public sealed class ParameterBlock
{
    public const string AllSetsName = "(All)";

    public string Type { get; set; } = "";
    public List<string> ParameterSets { get; } = new();
    public List<string> Aliases { get; } = new();
    /// <summary>"Accepted values" (a ValidateSet), shown by Get-Help as {A | B | C}.</summary>
    public List<string> AcceptedValues { get; } = new();
    public bool Required { get; set; }
    /// <summary>"Named" or a zero-based position.</summary>
    public string Position { get; set; } = "Named";
    public string DefaultValue { get; set; } = "None";
    /// <summary>As written, e.g. "False" or "True (ByPropertyName, ByValue)".</summary>
    public string PipelineInput { get; set; } = "False";
    public bool AcceptsWildcards { get; set; }

    public bool AllSets => ParameterSets.Count == 0 || ParameterSets.Contains(AllSetsName, StringComparer.OrdinalIgnoreCase);
    public bool ByValue => PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) && PipelineInput.Contains("ByValue", StringComparison.OrdinalIgnoreCase);
    public bool ByPropertyName => PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) && PipelineInput.Contains("ByPropertyName", StringComparison.OrdinalIgnoreCase);
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
}

/// <summary>An INPUTS or OUTPUTS entry: a type name and what it means.</summary>
public sealed class TypeHelp
{
    public string TypeName { get; set; } = "";
    public List<string> Description { get; } = new();
}

public sealed record LinkHelp(string Text, string Uri);

/// <summary>A page that does not follow the markdown schema; names the file and line.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string source, int line, string message)
        : base($"{source}({line}): {message}")
    {
        Source = source;
        Line = line;
    }

    public new string Source { get; }
    public int Line { get; }
}
