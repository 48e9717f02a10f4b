namespace VeleroOpenShift.HelpGenerator;

/// <summary>A failure that stops generation as a whole (bad arguments, module that will not import).</summary>
internal sealed class HelpGenerationException : Exception
{
    public HelpGenerationException(string message)
        : base(message)
    {
    }

    public HelpGenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
