namespace VeleroOpenShift.HelpGenerator;

/// <summary>One help problem, tied to the file (and line) the author has to fix.</summary>
internal sealed record HelpDiagnostic(string File, int? Line, string Code, string Message)
{
    // The canonical "origin(line): error CODE: text" form, so MSBuild's Exec task reports it as
    // a build error that points at the markdown file.
    public override string ToString() =>
        Line is { } line ? $"{File}({line}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
}
