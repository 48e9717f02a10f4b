using VeleroOpenShift.HelpGenerator.Markdown;
using VeleroOpenShift.HelpGenerator.Metadata;

namespace VeleroOpenShift.HelpGenerator.Validation;

/// <summary>
/// Checks that a cmdlet's markdown still describes the cmdlet that was built, so help drift fails
/// the build instead of reaching users.
/// </summary>
internal static class CommandHelpValidator
{
    public const int MinimumExamples = 2;

    public static void Validate(CommandHelp help, CmdletMetadata cmdlet, ICollection<HelpDiagnostic> diagnostics)
    {
        void Error(int? line, string code, string message) =>
            diagnostics.Add(new HelpDiagnostic(help.File, line, code, message));

        if (!string.Equals(help.Name, cmdlet.Name, StringComparison.OrdinalIgnoreCase))
        {
            Error(help.NameLine, HelpDiagnosticCodes.TitleMismatch,
                $"the first heading must be '# {cmdlet.Name}', found '{(help.Name is null ? "(none)" : "# " + help.Name)}'.");
        }

        if (help.Synopsis.All(string.IsNullOrWhiteSpace))
        {
            Error(null, HelpDiagnosticCodes.MissingSynopsis, $"{cmdlet.Name} has no '## SYNOPSIS' text.");
        }

        if (help.Examples.Count < MinimumExamples)
        {
            Error(null, HelpDiagnosticCodes.TooFewExamples,
                $"{cmdlet.Name} has {help.Examples.Count} example(s) under '## EXAMPLES'; at least {MinimumExamples} are required.");
        }

        foreach (var example in help.Examples.Where(e => string.IsNullOrWhiteSpace(e.Code)))
        {
            Error(example.Line, HelpDiagnosticCodes.ExampleWithoutCode, $"example '{example.Title}' has no fenced code block.");
        }

        ValidateParameters(help, cmdlet, Error);
        ValidateTypes(help.Inputs, cmdlet.InputTypes, "INPUTS", "takes no pipeline input", Error);
        ValidateTypes(help.Outputs, cmdlet.OutputTypes, "OUTPUTS", "declares no [OutputType]", Error);
    }

    private static void ValidateParameters(CommandHelp help, CmdletMetadata cmdlet, Action<int?, string, string> error)
    {
        foreach (var documented in help.Parameters)
        {
            if (!cmdlet.Parameters.Any(p => string.Equals(p.Name, documented.Name, StringComparison.OrdinalIgnoreCase)))
            {
                error(documented.Line, HelpDiagnosticCodes.UnknownParameter,
                    $"documents parameter -{documented.Name}, which {cmdlet.Name} does not have.");
            }
        }

        foreach (var repeated in help.Parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).SelectMany(g => g.Skip(1)))
        {
            error(repeated.Line, HelpDiagnosticCodes.DuplicateEntry, $"parameter -{repeated.Name} is documented more than once.");
        }

        // -WhatIf and -Confirm may be documented, but their standard text is used when they are not.
        foreach (var parameter in cmdlet.Parameters.Where(p => !p.IsShouldProcessParameter))
        {
            if (!help.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                error(null, HelpDiagnosticCodes.UndocumentedParameter,
                    $"{cmdlet.Name} has parameter -{parameter.Name}, which '## PARAMETERS' does not document ('### -{parameter.Name}').");
            }
        }
    }

    private static void ValidateTypes(
        IReadOnlyList<TypeHelp> documented,
        IReadOnlyList<TypeReference> declared,
        string section,
        string whenNone,
        Action<int?, string, string> error)
    {
        foreach (var type in documented)
        {
            var known = declared.Count == 0
                ? string.Equals(type.TypeName, "None", StringComparison.OrdinalIgnoreCase)
                : declared.Any(d => d.Matches(type.TypeName));
            if (!known)
            {
                var expected = declared.Count == 0
                    ? $"the cmdlet {whenNone}, so only '### None' fits"
                    : "the cmdlet's metadata has " + string.Join(", ", declared.Select(d => d.FullName));
                error(type.Line, HelpDiagnosticCodes.UndeclaredType, $"'## {section}' documents '{type.TypeName}'; {expected}.");
            }
        }
    }
}
