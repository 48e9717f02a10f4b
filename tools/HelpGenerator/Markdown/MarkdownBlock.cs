namespace VeleroOpenShift.HelpGenerator.Markdown;

/// <summary>The few block kinds help markdown uses; <see cref="Line"/> is 1-based, for diagnostics.</summary>
internal abstract record MarkdownBlock(int Line);

internal sealed record HeadingBlock(int Line, int Level, string Text) : MarkdownBlock(Line);

internal sealed record ParagraphBlock(int Line, string Text) : MarkdownBlock(Line);

internal sealed record ListBlock(int Line, IReadOnlyList<ListItem> Items) : MarkdownBlock(Line);

internal sealed record CodeBlock(int Line, string Language, string Code) : MarkdownBlock(Line);

/// <summary>A list item keeps its marker ("-", "1.") so rendered text reads like the source.</summary>
internal sealed record ListItem(string Marker, string Text);
