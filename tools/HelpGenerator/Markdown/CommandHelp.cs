namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>What one docs/&lt;culture&gt;/&lt;Cmdlet&gt;.md says; paragraphs are plain text, one per entry.</summary>
internal sealed record CommandHelp(
    string File,
    string? Name,
    int NameLine,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<RelatedLink> RelatedLinks);

internal sealed record ExampleHelp(int Line, string Title, string? Code, IReadOnlyList<string> Remarks);

internal sealed record ParameterHelp(int Line, string Name, IReadOnlyList<string> Description);

internal sealed record TypeHelp(int Line, string TypeName, IReadOnlyList<string> Description);

internal sealed record RelatedLink(string Text, string? Uri);
