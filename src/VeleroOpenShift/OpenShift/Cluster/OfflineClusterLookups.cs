using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Cluster look-ups answered from values given up front, for scripting without a cluster and for tests:
/// a server version, a registry host name, and objects. An object not given does not exist; an API named
/// in <see cref="UnservedApis"/> answers 404 to every call, as on a cluster that does not serve it.
/// Replacements update the stored object and are recorded in <see cref="Replaced"/>.
/// </summary>
public sealed class OfflineClusterLookups : ClusterLookupsBase
{
    private readonly ServerVersion? _serverVersion;
    private readonly string? _registryHostname;
    // Indexed by resource and namespace, so a namespace's objects are found without scanning the others;
    // the sequence keeps the order objects were added in, which lists return (actions walk lists in order).
    private readonly Dictionary<(string Group, string Resource), Dictionary<string, List<Entry>>> _objects = [];
    private long _sequence;
    private readonly List<JsonObject> _replaced = [];
    private readonly Lock _lock = new();

    public OfflineClusterLookups(ServerVersion? serverVersion = null, string? registryHostname = null, IEnumerable<JsonObject>? objects = null, ILogger? logger = null, TimeProvider? time = null)
        : base(logger ?? NullLogger.Instance, time ?? TimeProvider.System)
    {
        _serverVersion = serverVersion;
        _registryHostname = registryHostname;
        foreach (var obj in objects ?? [])
        {
            Add(obj);
        }
    }

    /// <summary>
    /// The internal registry of OpenShift 4, which offline transforms assume unless told otherwise: without a
    /// registry the actions leave internal image references in the source namespace.
    /// </summary>
    public const string AssumedRegistryHostname = "image-registry.openshift-image-registry.svc:5000";

    /// <summary>The Kubernetes version offline transforms assume unless told otherwise (OpenShift 4.16).</summary>
    public const string AssumedServerVersion = "1.29";

    /// <summary>Group-resources (<c>securitycontextconstraints.security.openshift.io</c>) this cluster does not serve.</summary>
    public ISet<string> UnservedApis { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every object passed to <see cref="ReplaceAsync"/>, in order.</summary>
    public IReadOnlyList<JsonObject> Replaced
    {
        get
        {
            lock (_lock)
            {
                return [.. _replaced];
            }
        }
    }

    /// <summary>Adds (or overwrites) an object; its resource is found from <c>apiVersion</c> and <c>kind</c>.</summary>
    public OfflineClusterLookups Add(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var reference = ItemReference.Of(obj);
        var apiVersion = ItemFields.GetString(obj, "apiVersion", reference) ?? throw new InvalidItemException(reference, "apiVersion", "is required");
        var kind = ItemFields.GetString(obj, "kind", reference) ?? throw new InvalidItemException(reference, "kind", "is required");
        var group = GroupResource.GroupOfApiVersion(apiVersion);
        var type = ResourceTypeCatalog.Default.ForKind(group, kind);
        var resource = ApiResources.All.FirstOrDefault(r => r.Group == group && r.Resource == type.Plural)
            ?? new ApiResource(group, apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..], type.Plural, type.Namespaced);
        return Add(resource, obj);
    }

    public OfflineClusterLookups Add(ApiResource resource, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        var reference = ItemReference.Of(obj);
        var name = ItemFields.GetString(obj, "metadata.name", reference) ?? throw new InvalidItemException(reference, "metadata.name", "is required");
        var ns = resource.Namespaced ? ItemFields.GetString(obj, "metadata.namespace", reference) ?? string.Empty : string.Empty;
        lock (_lock)
        {
            var entries = Namespace(resource, ns, create: true)!;
            entries.RemoveAll(e => e.Name == name);
            entries.Add(new Entry(_sequence++, name, obj));
        }

        return this;
    }

    public override Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        cancellationToken.ThrowIfCancellationRequested();
        if (IsUnserved(resource))
        {
            return Task.FromResult<JsonObject?>(null);
        }

        var key = resource.Namespaced ? ns ?? string.Empty : string.Empty;
        lock (_lock)
        {
            var found = Namespace(resource, key, create: false)?.Find(e => e.Name == name);
            return Task.FromResult(found?.Object.DeepClone().AsObject());
        }
    }

    public override Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        cancellationToken.ThrowIfCancellationRequested();
        if (IsUnserved(resource))
        {
            throw new ClusterLookupException(FailureKind.NotFound, resource.Describe(ns, null), "the server could not find the requested resource", 404);
        }

        var selector = LabelSelector.Parse(labelSelector);
        lock (_lock)
        {
            IEnumerable<Entry> candidates = resource.Namespaced && !string.IsNullOrEmpty(ns)
                ? Namespace(resource, ns, create: false) ?? []
                : _objects.TryGetValue((resource.Group, resource.Resource), out var byNamespace)
                    ? byNamespace.Values.SelectMany(e => e).OrderBy(e => e.Sequence)
                    : [];
            IReadOnlyList<JsonObject> matches =
            [
                .. candidates
                    .Where(e => selector.IsEverything || selector.Matches(ItemFields.GetStringMap(e.Object, "metadata.labels", ItemReference.Of(e.Object))))
                    .Select(e => e.Object.DeepClone().AsObject()),
            ];
            return Task.FromResult(matches);
        }
    }

    public override Task<JsonObject> ReplaceAsync(ApiResource resource, JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        cancellationToken.ThrowIfCancellationRequested();
        var reference = ItemReference.Of(obj);
        var name = ItemFields.GetString(obj, "metadata.name", reference) ?? string.Empty;
        var ns = resource.Namespaced ? ItemFields.GetString(obj, "metadata.namespace", reference) ?? string.Empty : string.Empty;
        lock (_lock)
        {
            if (IsUnserved(resource) || Namespace(resource, ns, create: false)?.Exists(e => e.Name == name) != true)
            {
                throw new ClusterLookupException(FailureKind.NotFound, resource.Describe(ns, name), "not found", 404);
            }

            var stored = obj.DeepClone().AsObject();
            _replaced.Add(stored);
            Add(resource, stored);
            return Task.FromResult(stored.DeepClone().AsObject());
        }
    }

    protected override Task<ServerVersion> ReadServerVersionAsync(CancellationToken cancellationToken) =>
        _serverVersion is { } version
            ? Task.FromResult(version)
            : throw new InvalidConfigurationException("ServerVersion", "is not given; offline cluster look-ups need the server version");

    protected override Task<string> ReadRegistryHostnameAsync(CancellationToken cancellationToken) =>
        _registryHostname is { } given ? Task.FromResult(given) : base.ReadRegistryHostnameAsync(cancellationToken);

    private bool IsUnserved(ApiResource resource) =>
        UnservedApis.Contains(resource.Group.Length == 0 ? resource.Resource : $"{resource.Resource}.{resource.Group}");

    /// <summary>The entries of one resource in one namespace (<c>""</c> for cluster-scoped); call under the lock.</summary>
    private List<Entry>? Namespace(ApiResource resource, string ns, bool create)
    {
        if (!_objects.TryGetValue((resource.Group, resource.Resource), out var byNamespace))
        {
            if (!create)
            {
                return null;
            }

            byNamespace = [];
            _objects[(resource.Group, resource.Resource)] = byNamespace;
        }

        if (!byNamespace.TryGetValue(ns, out var entries) && create)
        {
            entries = [];
            byNamespace[ns] = entries;
        }

        return entries;
    }

    private sealed record Entry(long Sequence, string Name, JsonObject Object);
}
