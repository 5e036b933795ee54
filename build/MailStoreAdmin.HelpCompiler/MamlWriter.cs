using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace MailStoreAdmin.HelpCompiler;

/// <summary>
/// Writes MAML command help (the &lt;helpItems schema="maml"&gt; file that Get-Help reads for binary cmdlets) in the
/// shape platyPS produces, which Windows PowerShell 5.1 and PowerShell 7 both read.
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument ToDocument(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(ToCommand)));

    public static void Save(IEnumerable<CommandHelp> commands, string path)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        ToDocument(commands).Save(writer);
    }

    public static XElement ToCommand(CommandHelp help)
    {
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(s => SyntaxItem(help, s))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Primary, inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
            new XElement(Maml + "alertSet",
                new XElement(Maml + "alert", Paras(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", Links(help)));
    }

    private static XElement SyntaxItem(CommandHelp help, SyntaxHelp syntax)
    {
        var parameters = new List<XElement>();
        foreach (var name in syntax.ParameterNames)
        {
            var parameter = help.Parameter(name);
            if (parameter == null) continue;  // the documentation test reports syntax names without a parameter section
            parameters.Add(Parameter(parameter, parameter.BlockFor(syntax.SetName) ?? parameter.Primary, inSyntax: true));
        }
        return new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name), parameters);
    }

    private static XElement Parameter(ParameterHelp parameter, ParameterBlock block, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", Lower(block.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(block.AcceptsWildcards)),
            new XAttribute("pipelineInput", block.PipelineInput),
            new XAttribute("position", block.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : block.Position),
            new XAttribute("aliases", block.Aliases.Count == 0 ? "none" : string.Join(", ", block.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description));
        if (block.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(Command + "parameterValueGroup", block.AcceptedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        }
        // A switch shows as [-Name] in the syntax; everywhere else its type is named.
        if (!(inSyntax && block.IsSwitch))
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", Lower(!block.IsSwitch)),
                new XAttribute("variableLength", "false"),
                block.Type));
        }
        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", block.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", block.DefaultValue));
        return element;
    }

    private static XElement TypeEntry(string elementName, TypeHelp type) =>
        new(Command + elementName,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(type.Description));

    private static XElement Example(ExampleHelp example, int index)
    {
        var title = example.Title.Length == 0 ? $"Example {index + 1}" : example.Title;
        return new XElement(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {title} --------------------------"),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paras(example.Remarks)));
    }

    private static IEnumerable<XElement> Links(CommandHelp help)
    {
        if (help.Metadata.TryGetValue("online version", out var online) && online.Length > 0)
            yield return Link("Online Version:", online);
        foreach (var link in help.RelatedLinks)
        {
            var isWeb = link.Uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.Uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            yield return Link(link.Text, isWeb ? link.Uri : "");
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Where(p => p.Trim().Length > 0).Select(p => new XElement(Maml + "para", p));

    private static string Lower(bool value) => value ? "true" : "false";
}
