namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>Environment access with the two questions the spec asks: is it set at all, and is it set to something.</summary>
internal sealed class EnvironmentVariables
{
    private readonly Func<string, string?> _read;

    public EnvironmentVariables(Func<string, string?> read)
    {
        _read = read;
    }

    /// <summary>The value, "" when set but empty, null when unset.</summary>
    public string? Get(string name) => _read(name);

    /// <summary>The value when non-empty; otherwise null.</summary>
    public string? NonEmpty(string name) => _read(name) is { Length: > 0 } value ? value : null;

    public bool IsSet(string name) => _read(name) is not null;
}
