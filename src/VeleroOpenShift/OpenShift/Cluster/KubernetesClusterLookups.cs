using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// Cluster look-ups against a live API server. KubernetesClient.Aot loads the configuration and supplies
/// TLS and credentials; requests are plain REST calls on the object paths, so any resource (core,
/// OpenShift, Velero) is read and written as raw JSON without typed round trips. The client is created on
/// first use, so a front end that never needs the cluster never needs a kubeconfig.
/// </summary>
public sealed class KubernetesClusterLookups : ClusterLookupsBase, IDisposable
{
    private readonly Lazy<k8s.Kubernetes> _client;

    private KubernetesClusterLookups(Func<KubernetesClientConfiguration> configure, ILogger logger, TimeProvider time)
        : base(logger, time)
    {
        _client = new Lazy<k8s.Kubernetes>(() => new k8s.Kubernetes(Configure(configure)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>From a kubeconfig file and optional context (the cmdlets' -Kubeconfig/-Context).</summary>
    public static KubernetesClusterLookups FromKubeconfig(string path, string? context, ILogger logger, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new KubernetesClusterLookups(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path, context), logger, time);
    }

    /// <summary>In-cluster configuration when running in a pod, otherwise <c>KUBECONFIG</c> or <c>~/.kube/config</c> (the shim).</summary>
    public static KubernetesClusterLookups FromEnvironment(ILogger logger, TimeProvider time) =>
        new(() => KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildDefaultConfig(), logger, time);

    public override async Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var target = resource.Describe(ns, name);
        using var request = new HttpRequestMessage(HttpMethod.Get, resource.ObjectPath(ns, name));
        using var response = await SendAsync(request, target, notFoundIsAnswer: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadObjectAsync(response, target, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<IReadOnlyList<JsonObject>> ListAsync(ApiResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var target = resource.Describe(ns, null);
        var path = resource.CollectionPath(ns);
        if (!string.IsNullOrEmpty(labelSelector))
        {
            path += "?labelSelector=" + Uri.EscapeDataString(labelSelector);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendAsync(request, target, notFoundIsAnswer: false, cancellationToken).ConfigureAwait(false);
        var list = await ReadObjectAsync(response, target, cancellationToken).ConfigureAwait(false);
        var reference = ItemReference.Payload(target);
        var items = new List<JsonObject>();
        var array = ItemFields.GetArray(list, "items", reference);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            items.Add(array[i] as JsonObject ?? throw new InvalidItemException(reference, $"items[{i}]", $"must be an object, got {KubeJson.Describe(array[i])}"));
        }

        return items;
    }

    public override async Task<JsonObject> ReplaceAsync(ApiResource resource, JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        var reference = ItemReference.Of(obj);
        var name = ItemFields.GetString(obj, "metadata.name", reference) ?? throw new InvalidItemException(reference, "metadata.name", "is required");
        var ns = ItemFields.GetString(obj, "metadata.namespace", reference);
        var target = resource.Describe(ns, name);
        using var request = new HttpRequestMessage(HttpMethod.Put, resource.ObjectPath(ns, name))
        {
            Content = new ByteArrayContent(KubeJson.SerializeToUtf8(obj)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        using var response = await SendAsync(request, target, notFoundIsAnswer: false, cancellationToken).ConfigureAwait(false);
        return await ReadObjectAsync(response, target, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    protected override async Task<ServerVersion> ReadServerVersionAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/version");
        using var response = await SendAsync(request, "/version", notFoundIsAnswer: false, cancellationToken).ConfigureAwait(false);
        var info = await ReadObjectAsync(response, "/version", cancellationToken).ConfigureAwait(false);
        var reference = ItemReference.Payload("/version");
        return ServerVersion.Parse(
            ItemFields.GetString(info, "major", reference),
            ItemFields.GetString(info, "minor", reference),
            ItemFields.GetString(info, "gitVersion", reference));
    }

    private static KubernetesClientConfiguration Configure(Func<KubernetesClientConfiguration> configure)
    {
        try
        {
            return configure();
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidConfigurationException("Kubeconfig", $"cannot load the Kubernetes client configuration: {e.Message}", e);
        }
    }

    /// <summary>Sends with the client's TLS and credentials; failures throw, except 404 when <paramref name="notFoundIsAnswer"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string target, bool notFoundIsAnswer, CancellationToken cancellationToken)
    {
        var client = _client.Value;
        request.RequestUri = new Uri(client.BaseUri.ToString().TrimEnd('/') + request.RequestUri!.OriginalString);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            if (client.Credentials is { } credentials)
            {
                await credentials.ProcessHttpRequestAsync(request, cancellationToken).ConfigureAwait(false);
            }

            response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterLookupException(FailureKind.RemoteFailure, target, $"{request.Method} {request.RequestUri} failed: {e.Message}", 0, e);
        }

        if (response.IsSuccessStatusCode || (notFoundIsAnswer && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            throw await StatusErrorAsync(request, response, target, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ClusterLookupException> StatusErrorAsync(HttpRequestMessage request, HttpResponseMessage response, string target, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var message = response.ReasonPhrase ?? response.StatusCode.ToString();
        try
        {
            if (JsonNode.Parse(body) is JsonObject status && status["message"] is JsonValue text && text.TryGetValue(out string? parsed))
            {
                message = parsed;
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page: keep the status line.
        }

        return new ClusterLookupException(ClusterLookupException.KindOfStatus(code), target, $"{request.Method} {request.RequestUri?.AbsolutePath} answered {code}: {message}", code);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, string target, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await KubeJson.ParseObjectAsync(stream, ItemReference.Payload(target), cancellationToken).ConfigureAwait(false);
        }
    }
}
