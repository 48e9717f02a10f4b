using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>
/// The Manila API v2 calls the snapshotter makes, against one endpoint (<c>…/v2/&lt;project&gt;/</c>). Sends the
/// microversion headers of spec §3.10 once a microversion is set; unexpected answers become
/// <see cref="OpenStackServiceException"/> naming the share, snapshot or replica.
/// </summary>
internal sealed partial class ManilaClient
{
    /// <summary>From this microversion the access rules have their own resource; before it they are a share action.</summary>
    public static readonly Microversion AccessRulesResource = new(2, 45);

    private static readonly int[] Ok = [200];
    private static readonly int[] Created = [200, 201];
    private static readonly int[] SnapshotCreated = [200, 201, 202];
    private static readonly int[] Accepted = [202];

    private readonly ResilientSender _sender;

    public ManilaClient(ResilientSender sender, Uri endpoint)
    {
        _sender = sender;
        Endpoint = endpoint;
    }

    /// <summary>The shared file system endpoint with a trailing slash.</summary>
    public Uri Endpoint { get; }

    /// <summary>Sent with every request once set (spec §6.2); null sends no version headers.</summary>
    public Microversion? Microversion { get; set; }

    /// <summary>The highest microversion the server offers, from <c>GET …/v2/</c> beside the endpoint (spec §6.2 step 3).</summary>
    /// <remarks>Returned as text: the caller decides what an unparsable version means.</remarks>
    public async Task<string> GetMaxMicroversionAsync(CancellationToken cancellationToken)
    {
        var url = VersionsUrl(Endpoint);
        using var response = await SendAsync(HttpMethod.Get, url, null, Ok, url.AbsolutePath, cancellationToken).ConfigureAwait(false);
        var versions = await ReadAsync(response, ManilaJsonContext.Default.ManilaVersions, cancellationToken).ConfigureAwait(false);
        return versions.Versions is [{ Version: { Length: > 0 } version }]
            ? version
            : throw new OpenStackException(FailureKind.RemoteFailure, url.AbsolutePath, "Unable to find requested API version");
    }

    public async Task<ManilaShare> GetShareAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url("shares", id), null, Ok, Share(id), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.ShareEnvelope, cancellationToken).ConfigureAwait(false)).Share, Share(id));
    }

    public async Task<IReadOnlyList<ManilaShare>> ListSharesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url("shares/detail"), null, Ok, "shares", cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, ManilaJsonContext.Default.ShareList, cancellationToken).ConfigureAwait(false)).Shares ?? [];
    }

    public async Task<ManilaShare> CreateShareAsync(NewShare share, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new NewShareEnvelope(share), ManilaJsonContext.Default.NewShareEnvelope);
        using var response = await SendAsync(HttpMethod.Post, Url("shares"), body, Created, "share " + share.Name, cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.ShareEnvelope, cancellationToken).ConfigureAwait(false)).Share, "share " + share.Name);
    }

    public async Task DeleteShareAsync(string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, Url("shares", id), null, Accepted, Share(id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ManilaSnapshot> GetSnapshotAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url("snapshots", id), null, Ok, Snapshot(id), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.SnapshotEnvelope, cancellationToken).ConfigureAwait(false)).Snapshot, Snapshot(id));
    }

    /// <summary>Snapshots of the project, or of one share when <paramref name="shareId"/> is given.</summary>
    public async Task<IReadOnlyList<ManilaSnapshot>> ListSnapshotsAsync(string? shareId, CancellationToken cancellationToken)
    {
        var url = Url("snapshots/detail", query: shareId is null ? null : "share_id=" + Uri.EscapeDataString(shareId));
        using var response = await SendAsync(HttpMethod.Get, url, null, Ok, shareId is null ? "snapshots" : Share(shareId), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, ManilaJsonContext.Default.SnapshotList, cancellationToken).ConfigureAwait(false)).Snapshots ?? [];
    }

    public async Task<ManilaSnapshot> CreateSnapshotAsync(NewSnapshot snapshot, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new NewSnapshotEnvelope(snapshot), ManilaJsonContext.Default.NewSnapshotEnvelope);
        using var response = await SendAsync(HttpMethod.Post, Url("snapshots"), body, SnapshotCreated, Share(snapshot.ShareId), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.SnapshotEnvelope, cancellationToken).ConfigureAwait(false)).Snapshot, "snapshot " + snapshot.Name);
    }

    public async Task DeleteSnapshotAsync(string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, Url("snapshots", id), null, Accepted, Snapshot(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The share's access rules: their own resource from 2.45, the <c>access_list</c> share action before (spec §6.3).</summary>
    public async Task<IReadOnlyList<AccessRule>> ListAccessRulesAsync(string shareId, CancellationToken cancellationToken)
    {
        using var response = Microversion is { } version && AccessRulesResource.IsAtMost(version)
            ? await SendAsync(HttpMethod.Get, Url("share-access-rules", query: "share_id=" + Uri.EscapeDataString(shareId)), null, Ok, Share(shareId), cancellationToken).ConfigureAwait(false)
            : await SendAsync(HttpMethod.Post, Url("shares", shareId, "action"), """{"access_list":null}"""u8.ToArray(), Ok, Share(shareId), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, ManilaJsonContext.Default.AccessRuleList, cancellationToken).ConfigureAwait(false)).AccessList ?? [];
    }

    public async Task<AccessRule> GrantAccessAsync(string shareId, AccessRule rule, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new AllowAccessEnvelope(new AllowAccess(rule.AccessType, rule.AccessTo, rule.AccessLevel)),
            ManilaJsonContext.Default.AllowAccessEnvelope);
        using var response = await SendAsync(HttpMethod.Post, Url("shares", shareId, "action"), body, Ok, Share(shareId), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.AccessEnvelope, cancellationToken).ConfigureAwait(false)).Access, Share(shareId));
    }

    public async Task<IReadOnlyList<ShareReplica>> ListReplicasAsync(string shareId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url("share-replicas/detail", query: "share_id=" + Uri.EscapeDataString(shareId)), null, Ok, Share(shareId), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, ManilaJsonContext.Default.ReplicaList, cancellationToken).ConfigureAwait(false)).ShareReplicas ?? [];
    }

    public async Task<ShareReplica> GetReplicaAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, Url("share-replicas", id), null, Ok, Replica(id), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.ReplicaEnvelope, cancellationToken).ConfigureAwait(false)).ShareReplica, Replica(id));
    }

    public async Task<ShareReplica> CreateReplicaAsync(string shareId, string availabilityZone, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new NewReplicaEnvelope(new NewReplica(shareId, availabilityZone)), ManilaJsonContext.Default.NewReplicaEnvelope);
        using var response = await SendAsync(HttpMethod.Post, Url("share-replicas"), body, Accepted, Share(shareId), cancellationToken).ConfigureAwait(false);
        return Required((await ReadAsync(response, ManilaJsonContext.Default.ReplicaEnvelope, cancellationToken).ConfigureAwait(false)).ShareReplica, Share(shareId));
    }

    public Task ResyncReplicaAsync(string id, CancellationToken cancellationToken) =>
        ActionAsync("share-replicas", id, """{"resync":null}"""u8.ToArray(), Replica(id), cancellationToken);

    public Task PromoteReplicaAsync(string id, CancellationToken cancellationToken) =>
        ActionAsync("share-replicas", id, """{"promote":{}}"""u8.ToArray(), Replica(id), cancellationToken);

    public async Task DeleteReplicaAsync(string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Delete, Url("share-replicas", id), null, Accepted, Replica(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the status of a share, snapshot or replica to "error" so that it can be deleted again (needs admin).</summary>
    public Task ResetStatusAsync(ManilaResource kind, string id, CancellationToken cancellationToken) =>
        ActionAsync(Collection(kind), id, """{"reset_status":{"status":"error"}}"""u8.ToArray(), Name(kind, id), cancellationToken);

    /// <summary>How errors and logs name a resource: "share 0c3f…", "share snapshot 51a2…", "share replica 77b0…".</summary>
    public static string Name(ManilaResource kind, string id) => kind switch
    {
        ManilaResource.Share => Share(id),
        ManilaResource.Snapshot => Snapshot(id),
        ManilaResource.Replica => Replica(id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The endpoint cut before its version segment, plus <c>v2/</c>.</summary>
    internal static Uri VersionsUrl(Uri endpoint)
    {
        var path = endpoint.AbsolutePath;
        var version = VersionSegment().Match(path);
        var root = version.Success ? path[..(version.Index + 1)] : path;
        return new Uri(endpoint, root + "v2/");
    }

    private static string Share(string id) => "share " + id;

    private static string Snapshot(string id) => "share snapshot " + id;

    private static string Replica(string id) => "share replica " + id;

    private static string Collection(ManilaResource kind) => kind switch
    {
        ManilaResource.Share => "shares",
        ManilaResource.Snapshot => "snapshots",
        ManilaResource.Replica => "share-replicas",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private async Task ActionAsync(string collection, string id, byte[] body, string target, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, Url(collection, id, "action"), body, Accepted, target, cancellationToken).ConfigureAwait(false);
    }

    private Uri Url(string collection, string? id = null, string? action = null, string? query = null)
    {
        var path = collection + (id is null ? "" : "/" + Uri.EscapeDataString(id)) + (action is null ? "" : "/" + action);
        return new Uri(Endpoint, query is null ? path : path + "?" + query);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, byte[]? body, IReadOnlyList<int> expected, string target, CancellationToken cancellationToken)
    {
        var request = new OpenStackRequest(method, url, body is null ? null : new BufferedBody(body));
        if (body is not null)
        {
            request.Headers["Content-Type"] = "application/json";
        }

        if (Microversion is { } version)
        {
            request.Headers["X-OpenStack-Manila-API-Version"] = version.ToString();
            request.Headers["OpenStack-API-Version"] = "shared-file-system " + version;
        }

        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await HttpResponses.EnsureAsync(response, expected, cancellationToken, target).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw new OpenStackException(FailureKind.RemoteFailure, response.RequestMessage?.RequestUri?.AbsolutePath, $"Manila answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} with a body that is not the expected JSON: {e.Message}", e);
        }
    }

    private static T Required<T>(T? value, string target)
        where T : class =>
        value ?? throw new OpenStackException(FailureKind.RemoteFailure, target, $"Manila answered without the {target}");

    [GeneratedRegex(@"/v\d+(?:\.\d+)?/")]
    private static partial Regex VersionSegment();
}

/// <summary>The Manila resources the snapshotter waits for and deletes.</summary>
internal enum ManilaResource
{
    Share,
    Snapshot,
    Replica,
}
