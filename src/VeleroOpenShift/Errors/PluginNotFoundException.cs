using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Errors;

/// <summary>No plugin of this kind is registered under this name.</summary>
public sealed class PluginNotFoundException : VeleroOpenShiftException
{
    public PluginNotFoundException(PluginKind kind, string name)
        : base(FailureKind.NotFound, name, $"{kind.WireName()} plugin: {name} was not found or has an invalid name format", null)
    {
        PluginKind = kind;
        Name = name;
    }

    public PluginKind PluginKind { get; }

    public string Name { get; }

    public override string ErrorId => "PluginNotFound";
}
