using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.Dispatch;

/// <summary>
/// The plugin objects of this process: one per (kind, name), created on first use from the served
/// catalogue and kept for the life of the process, as Go plugins do. A failed creation is not kept, so
/// the next call tries again.
/// </summary>
internal sealed class PluginInstances(PluginCatalog catalog, PluginServices services)
{
    private readonly Dictionary<(PluginKind Kind, string Name), object> _created = [];
    private readonly Lock _gate = new();

    public PluginCatalog Catalog => catalog;

    /// <summary>The registration; throws PluginNotFoundException for a name not served under this kind.</summary>
    public PluginRegistration Registration(PluginKind kind, string name) => catalog.Get(kind, name);

    public T Get<T>(PluginKind kind, string name)
        where T : class
    {
        var registration = catalog.Get(kind, name);
        lock (_gate)
        {
            if (!_created.TryGetValue((kind, name), out var instance))
            {
                instance = registration.Create<T>(services);
                _created.Add((kind, name), instance);
            }

            return (T)instance;
        }
    }
}
