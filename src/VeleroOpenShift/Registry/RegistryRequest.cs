namespace VeleroOpenShift.Registry;

/// <summary>
/// One call of the registry API. <see cref="Content"/> builds the body afresh for every attempt; a request whose
/// body streams from a source that cannot be read twice is not <see cref="Resendable"/> and gets one attempt.
/// </summary>
internal sealed record RegistryRequest(HttpMethod Method, string PathOrUrl, string Scope, string Image, string Field)
{
    public Func<HttpContent>? Content { get; init; }

    public bool Resendable { get; init; } = true;

    public IReadOnlyList<string> Accept { get; init; } = [];

    public override string ToString() => $"{Method} {PathOrUrl}";
}
