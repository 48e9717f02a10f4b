using VeleroOpenShift.OpenStack.Auth;

namespace VeleroOpenShift.Tests.OpenStack;

/// <summary>An environment made of a dictionary, so tests never touch (or race on) the process environment.</summary>
internal static class TestEnvironment
{
    public static EnvironmentVariables Of(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new EnvironmentVariables(name => map.GetValueOrDefault(name));
    }
}
