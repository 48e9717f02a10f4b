namespace VeleroOpenShift.Errors;

/// <summary>A configuration key or option is missing or has an unusable value; names the key.</summary>
public sealed class InvalidConfigurationException : VeleroOpenShiftException
{
    public InvalidConfigurationException(string key, string problem, Exception? innerException = null)
        : base(FailureKind.InvalidConfiguration, key, $"configuration {key}: {problem}", innerException)
    {
        Key = key;
    }

    public string Key { get; }

    public override string ErrorId => "InvalidConfiguration";
}
