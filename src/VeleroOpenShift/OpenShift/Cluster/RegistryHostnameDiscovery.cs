using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Finds the internal registry host name (spec §3.2): the repository of the first ImageStream in
/// <c>openshift</c>, else the <c>docker-registry</c> Service (OpenShift 3) or the
/// <c>openshift-apiserver/config</c> ConfigMap (OpenShift 4).
/// Divergence (RECOMMENDED): a cluster without that ConfigMap (not OpenShift) has no registry, with a
/// warning, instead of failing every workload item; an empty Service port list also means none.
/// </summary>
internal static class RegistryHostnameDiscovery
{
    public static async Task<string> DiscoverAsync(IClusterLookups cluster, ILogger logger, CancellationToken cancellationToken)
    {
        if (await FromOpenShiftImageStreamAsync(cluster, logger, cancellationToken).ConfigureAwait(false) is { } fromStream)
        {
            return fromStream;
        }

        var version = await cluster.GetServerVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version.Major != 1)
        {
            throw new ClusterLookupException(FailureKind.NotSupported, "/version", $"server version {version} not supported. Must be 1.x");
        }

        if (version.Minor < 7)
        {
            throw new ClusterLookupException(FailureKind.NotSupported, "/version", $"Kubernetes version 1.{version.Minor} not supported. Must be 1.7 or greater");
        }

        return version.Minor <= 11
            ? await FromRegistryServiceAsync(cluster, cancellationToken).ConfigureAwait(false)
            : await FromApiServerConfigAsync(cluster, logger, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> FromOpenShiftImageStreamAsync(IClusterLookups cluster, ILogger logger, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonObject> streams;
        try
        {
            streams = await cluster.ListAsync(ApiResources.ImageStreams, "openshift", null, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterLookupException e)
        {
            logger.LogDebug(e, "Cannot list image streams in namespace openshift; trying the cluster configuration");
            return null;
        }

        if (streams.Count == 0
            || streams[0]["status"] is not JsonObject status
            || status["dockerImageRepository"] is not JsonValue value
            || !value.TryGetValue(out string? repository)
            || repository.Length == 0)
        {
            return null;
        }

        return ImageReferences.TryGetRegistry(repository, out var registry) ? registry : null;
    }

    private static async Task<string> FromRegistryServiceAsync(IClusterLookups cluster, CancellationToken cancellationToken)
    {
        JsonObject? service;
        try
        {
            service = await cluster.GetAsync(ApiResources.Services, "default", "docker-registry", cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterLookupException)
        {
            // The original treats any failure here as "no registry".
            return string.Empty;
        }

        if (service is null)
        {
            return string.Empty;
        }

        var reference = ItemReference.Of(service);
        var clusterIp = ItemFields.GetString(service, "spec.clusterIP", reference) ?? string.Empty;
        var ports = ItemFields.GetArray(service, "spec.ports", reference);
        if (ports is null || ports.Count == 0 || ports[0] is not JsonObject port)
        {
            return string.Empty;
        }

        var number = ItemFields.GetInt64(port, "port", reference)
            ?? throw new InvalidItemException(reference, "spec.ports[0].port", "is required");
        return FormattableString.Invariant($"{clusterIp}:{number}");
    }

    private static async Task<string> FromApiServerConfigAsync(IClusterLookups cluster, ILogger logger, CancellationToken cancellationToken)
    {
        var configMap = await cluster.GetAsync(ApiResources.ConfigMaps, "openshift-apiserver", "config", cancellationToken).ConfigureAwait(false);
        if (configMap is null)
        {
            logger.LogWarning("ConfigMap openshift-apiserver/config not found: this does not look like an OpenShift cluster, so there is no internal registry");
            return string.Empty;
        }

        var reference = ItemReference.Of(configMap);
        var data = ItemFields.GetObject(configMap, "data", reference);
        var text = data is null ? null : Fields.String(data, "config.yaml", "data.config.yaml", reference);
        if (string.IsNullOrEmpty(text))
        {
            throw new InvalidItemException(reference, "data.config.yaml", "is missing");
        }

        JsonNode? config;
        try
        {
            config = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidItemException(reference, "data.config.yaml", "is not JSON", e);
        }

        if (config is not JsonObject configObject)
        {
            throw new InvalidItemException(reference, "data.config.yaml", "must be a JSON object");
        }

        return ItemFields.GetString(configObject, "imagePolicyConfig.internalRegistryHostname", reference) ?? string.Empty;
    }
}
