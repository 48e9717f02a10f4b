namespace VeleroOpenShift.Cmdlets.Output;

/// <summary>A signed URL that lets anyone holding it use one method on one object until it expires.</summary>
public sealed class SwiftTempUrl
{
    internal SwiftTempUrl(string container, string name, string method, Uri url, DateTimeOffset expiresAt)
    {
        Container = container;
        Name = name;
        Method = method;
        Url = url;
        ExpiresAt = expiresAt;
    }

    public string Container { get; }

    public string Name { get; }

    public string Method { get; }

    public Uri Url { get; }

    public DateTimeOffset ExpiresAt { get; }

    public override string ToString() => Url.AbsoluteUri;
}
