using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Cinder;
using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Velero.Manifests;

/// <summary>
/// The Kubernetes objects a Velero (or OADP) install needs to use one OpenStack cloud: the Secret whose OS_* keys the
/// Velero container takes as environment (the plugin reads credentials from its environment or clouds.yaml, never
/// from a BackupStorageLocation's credential field), the BackupStorageLocation for a Swift container, and the
/// VolumeSnapshotLocations for Cinder and Manila.
/// </summary>
public static class OpenStackManifests
{
    public const string ObjectStoreProvider = "community.openstack.org/openstack";

    /// <summary>A v1 Secret with the variables as stringData, for <c>envFrom: [{secretRef: {name: …}}]</c> on the Velero container.</summary>
    public static string CredentialSecret(string name, string @namespace, IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (key, value) in variables)
        {
            if (!key.StartsWith("OS_", StringComparison.Ordinal) && key != "TLS_SKIP_VERIFY")
            {
                throw new InvalidInputException($"Secret {@namespace}/{name}", $"key {key} is not a variable the OpenStack plugin reads");
            }

            if (value.Length == 0)
            {
                throw new InvalidInputException($"Secret {@namespace}/{name}", $"key {key} has an empty value");
            }
        }

        return ManifestYaml.Write(
        [
            new("apiVersion", "v1"),
            new("kind", "Secret"),
            new("metadata", Metadata(name, @namespace)),
            new("type", "Opaque"),
            new("stringData", variables),
        ]);
    }

    /// <summary>A velero.io/v1 BackupStorageLocation on a Swift container; config holds only the keys the plugin reads (cloud, region).</summary>
    public static string BackupStorageLocation(string name, string @namespace, string container, string? prefix, string? cloud, string? region, bool isDefault)
    {
        if (container.Length == 0 || container.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidInputException($"BackupStorageLocation {@namespace}/{name}", $"spec.objectStorage.bucket \"{container}\" is not a Swift container name (empty or containing '/')");
        }

        var objectStorage = new List<KeyValuePair<string, object>> { new("bucket", container) };
        if (!string.IsNullOrEmpty(prefix))
        {
            objectStorage.Add(new("prefix", prefix.Trim('/')));
        }

        var spec = new List<KeyValuePair<string, object>> { new("provider", ObjectStoreProvider), new("objectStorage", objectStorage) };
        if (isDefault)
        {
            spec.Add(new("default", true));
        }

        var config = Config(cloud, region);
        if (config.Count > 0)
        {
            spec.Add(new("config", config));
        }

        return ManifestYaml.Write(
        [
            new("apiVersion", "velero.io/v1"),
            new("kind", "BackupStorageLocation"),
            new("metadata", Metadata(name, @namespace)),
            new("spec", spec),
        ]);
    }

    /// <summary>
    /// A velero.io/v1 VolumeSnapshotLocation for the Cinder or Manila snapshotter, <paramref name="config"/> keys in the
    /// order given. The config is first parsed by the snapshotter's own settings, so a value its Init would refuse
    /// (an unknown method, a duration without unit) fails here with the same message.
    /// </summary>
    public static string VolumeSnapshotLocation(string name, string @namespace, string provider, IReadOnlyList<KeyValuePair<string, string>> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = config.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var noEnvironment = new EnvironmentVariables(_ => null);
        try
        {
            _ = provider switch
            {
                PersistentVolumeIds.CinderPlugin or ObjectStoreProvider => (object)CinderSettings.From(values, noEnvironment),
                PersistentVolumeIds.ManilaPlugin => ManilaSettings.From(values, noEnvironment),
                _ => throw new InvalidInputException($"VolumeSnapshotLocation {@namespace}/{name}", $"spec.provider {provider} is not one of this plugin's snapshotters"),
            };
        }
        catch (OpenStackException e)
        {
            throw new InvalidInputException($"VolumeSnapshotLocation {@namespace}/{name}", $"spec.config.{e.Target}: {e.Message}", e);
        }

        var spec = new List<KeyValuePair<string, object>> { new("provider", provider) };
        if (config.Count > 0)
        {
            spec.Add(new("config", config));
        }

        return ManifestYaml.Write(
        [
            new("apiVersion", "velero.io/v1"),
            new("kind", "VolumeSnapshotLocation"),
            new("metadata", Metadata(name, @namespace)),
            new("spec", spec),
        ]);
    }

    internal static List<KeyValuePair<string, object>> Metadata(string name, string @namespace) =>
    [
        new("name", name),
        new("namespace", @namespace),
    ];

    internal static List<KeyValuePair<string, object>> Config(string? cloud, string? region)
    {
        var config = new List<KeyValuePair<string, object>>();
        if (!string.IsNullOrEmpty(cloud))
        {
            config.Add(new("cloud", cloud));
        }

        if (!string.IsNullOrEmpty(region))
        {
            config.Add(new("region", region));
        }

        return config;
    }
}
