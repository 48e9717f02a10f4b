using System.Text.Json.Nodes;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>
/// An in-memory Manila behind <see cref="FakeManilaCloud"/>, following the API reference for the calls the
/// snapshotter makes: shares, snapshots, access rules (resource and action), share replicas with resync and promote.
/// Everything it creates is available at once unless <see cref="NewStatus"/> says otherwise; <see cref="Override"/>
/// answers first, for faults.
/// </summary>
internal sealed class FakeManilaApi
{
    private readonly Lock _lock = new();

    public Dictionary<string, JsonObject> Shares { get; } = [];

    public Dictionary<string, JsonObject> Snapshots { get; } = [];

    public Dictionary<string, List<JsonObject>> AccessRules { get; } = [];

    public Dictionary<string, JsonObject> Replicas { get; } = [];

    /// <summary>Zone of shares created without one.</summary>
    public string DefaultZone { get; set; } = "nova";

    /// <summary>Status given to new shares and snapshots.</summary>
    public string NewStatus { get; set; } = "available";

    public Func<FakeRequest, FakeResponse?>? Override { get; set; }

    public JsonObject AddShare(string id, string zone, JsonObject? metadata = null)
    {
        var share = new JsonObject
        {
            ["id"] = id, ["name"] = id, ["status"] = "available", ["size"] = 3, ["share_proto"] = "NFS", ["availability_zone"] = zone,
            ["metadata"] = metadata ?? [], ["volume_type"] = "default", ["share_type_name"] = "default",
        };
        Shares[id] = share;
        Replicas["replica-of-" + id] = Replica("replica-of-" + id, id, zone, "active");
        return share;
    }

    public void AddRule(string shareId, string id, string type, string to, string level) =>
        (AccessRules.TryGetValue(shareId, out var list) ? list : AccessRules[shareId] = []).Add(new JsonObject
        {
            ["id"] = id, ["access_type"] = type, ["access_to"] = to, ["access_level"] = level, ["state"] = "active",
        });

    public FakeResponse? Handle(FakeRequest request)
    {
        if (Override?.Invoke(request) is { } forced)
        {
            return forced;
        }

        lock (_lock)
        {
            var (path, query) = Split(request.Path);
            var parts = path.Split('/');
            return (request.Method, parts) switch
            {
                ("POST", ["shares"]) => CreateShare(request.Json!["share"]!.AsObject()),
                ("GET", ["shares", var id]) => Found("share", Shares, id),
                ("DELETE", ["shares", var id]) => Delete(Shares, id),
                ("POST", ["shares", var id, "action"]) => ShareAction(id, request.Json!.AsObject()),
                ("POST", ["snapshots"]) => CreateSnapshot(request.Json!["snapshot"]!.AsObject()),
                ("GET", ["snapshots", "detail"]) => List("snapshots", Snapshots.Values.Where(s => (string?)s["share_id"] == query.GetValueOrDefault("share_id"))),
                ("GET", ["snapshots", var id]) => Found("snapshot", Snapshots, id),
                ("DELETE", ["snapshots", var id]) => Delete(Snapshots, id),
                ("POST", ["snapshots", var id, "action"]) => ResetStatus(Snapshots, id, request.Json!.AsObject()),
                ("GET", ["share-access-rules"]) => List("access_list", AccessRules.GetValueOrDefault(query["share_id"]) ?? []),
                ("GET", ["share-replicas", "detail"]) => List("share_replicas", Replicas.Values.Where(r => (string?)r["share_id"] == query["share_id"])),
                ("GET", ["share-replicas", var id]) => Found("share_replica", Replicas, id),
                ("POST", ["share-replicas"]) => CreateReplica(request.Json!["share_replica"]!.AsObject()),
                ("POST", ["share-replicas", var id, "action"]) => ReplicaAction(id, request.Json!.AsObject()),
                ("DELETE", ["share-replicas", var id]) => Delete(Replicas, id),
                _ => null,
            };
        }
    }

    private FakeResponse CreateShare(JsonObject body)
    {
        var id = Guid.NewGuid().ToString("D");
        var zone = (string?)body["availability_zone"] ?? DefaultZone;
        var share = AddShare(id, zone, body["metadata"]?.DeepClone().AsObject());
        share["name"] = body["name"]?.DeepClone();
        share["size"] = body["size"]?.DeepClone();
        share["share_proto"] = body["share_proto"]?.DeepClone();
        share["snapshot_id"] = body["snapshot_id"]?.DeepClone();
        share["status"] = NewStatus;
        // Manila's create answer does not say the zone yet; the scheduler picks it.
        var answer = share.DeepClone().AsObject();
        answer["availability_zone"] = null;
        return new FakeResponse(200, new JsonObject { ["share"] = answer }.ToJsonString());
    }

    private FakeResponse CreateSnapshot(JsonObject body)
    {
        var shareId = (string)body["share_id"]!;
        if (!Shares.TryGetValue(shareId, out var share))
        {
            return new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"share not found"}}""");
        }

        var id = Guid.NewGuid().ToString("D");
        var snapshot = new JsonObject
        {
            ["id"] = id, ["share_id"] = shareId, ["name"] = body["name"]?.DeepClone(), ["description"] = body["description"]?.DeepClone(),
            ["status"] = NewStatus, ["size"] = share["size"]?.DeepClone(), ["share_proto"] = share["share_proto"]?.DeepClone(),
        };
        Snapshots[id] = snapshot;
        return new FakeResponse(202, new JsonObject { ["snapshot"] = snapshot.DeepClone() }.ToJsonString());
    }

    private FakeResponse ShareAction(string id, JsonObject body)
    {
        if (!Shares.ContainsKey(id))
        {
            return new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"share not found"}}""");
        }

        if (body.ContainsKey("access_list"))
        {
            return List("access_list", AccessRules.GetValueOrDefault(id) ?? []);
        }

        if (body["allow_access"] is JsonObject allow)
        {
            var ruleId = Guid.NewGuid().ToString("D");
            AddRule(id, ruleId, (string)allow["access_type"]!, (string)allow["access_to"]!, (string)allow["access_level"]!);
            return new FakeResponse(200, new JsonObject { ["access"] = AccessRules[id][^1].DeepClone() }.ToJsonString());
        }

        return ResetStatus(Shares, id, body);
    }

    private FakeResponse CreateReplica(JsonObject body)
    {
        var id = Guid.NewGuid().ToString("D");
        Replicas[id] = Replica(id, (string)body["share_id"]!, (string)body["availability_zone"]!, "out_of_sync");
        return new FakeResponse(202, new JsonObject { ["share_replica"] = Replicas[id].DeepClone() }.ToJsonString());
    }

    private FakeResponse ReplicaAction(string id, JsonObject body)
    {
        if (!Replicas.TryGetValue(id, out var replica))
        {
            return new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"replica not found"}}""");
        }

        if (body.ContainsKey("resync"))
        {
            replica["replica_state"] = "in_sync";
        }
        else if (body.ContainsKey("promote"))
        {
            foreach (var other in Replicas.Values.Where(r => (string?)r["share_id"] == (string?)replica["share_id"]))
            {
                other["replica_state"] = "in_sync";
            }

            replica["replica_state"] = "active";
            Shares[(string)replica["share_id"]!]["availability_zone"] = replica["availability_zone"]!.DeepClone();
        }
        else
        {
            return ResetStatus(Replicas, id, body);
        }

        return new FakeResponse(202, "");
    }

    private static FakeResponse ResetStatus(Dictionary<string, JsonObject> collection, string id, JsonObject body)
    {
        if (!collection.TryGetValue(id, out var item))
        {
            return new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"not found"}}""");
        }

        if (body["reset_status"] is not JsonObject reset)
        {
            return new FakeResponse(400, """{"badRequest":{"code":400,"message":"unknown action"}}""");
        }

        item["status"] = reset["status"]!.DeepClone();
        return new FakeResponse(202, "");
    }

    private static JsonObject Replica(string id, string shareId, string zone, string state) => new()
    {
        ["id"] = id, ["share_id"] = shareId, ["status"] = "available", ["replica_state"] = state, ["availability_zone"] = zone,
    };

    private static FakeResponse Found(string name, Dictionary<string, JsonObject> collection, string id) =>
        collection.TryGetValue(id, out var item)
            ? new FakeResponse(200, new JsonObject { [name] = item.DeepClone() }.ToJsonString())
            : new FakeResponse(404, $$$"""{"itemNotFound":{"code":404,"message":"{{{name}}} {{{id}}} could not be found."}}""");

    private static FakeResponse Delete(Dictionary<string, JsonObject> collection, string id) =>
        collection.Remove(id) ? new FakeResponse(202, "") : new FakeResponse(404, """{"itemNotFound":{"code":404,"message":"not found"}}""");

    private static FakeResponse List(string name, IEnumerable<JsonObject> items) =>
        new(200, new JsonObject { [name] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]) }.ToJsonString());

    private static (string Path, Dictionary<string, string> Query) Split(string pathAndQuery)
    {
        var mark = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return (pathAndQuery, []);
        }

        var query = pathAndQuery[(mark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
        return (pathAndQuery[..mark], query);
    }
}
