namespace VeleroOpenShift.HelpGenerator;

/// <summary>Stable codes, so a failing build can be searched for and a test can name what it expects.</summary>
internal static class HelpDiagnosticCodes
{
    public const string MissingCommandHelp = "HG0001";
    public const string HelpWithoutCommand = "HG0002";
    public const string TitleMismatch = "HG0003";
    public const string MissingSynopsis = "HG0004";
    public const string TooFewExamples = "HG0005";
    public const string ExampleWithoutCode = "HG0006";
    public const string UnknownParameter = "HG0007";
    public const string UndocumentedParameter = "HG0008";
    public const string UnknownSection = "HG0009";
    public const string UndeclaredType = "HG0010";
    public const string DuplicateEntry = "HG0011";
    public const string MalformedAboutTopic = "HG0012";
}
