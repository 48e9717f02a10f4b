namespace VeleroOpenShift.OpenStack.Http;

/// <summary>
/// Certificate checks for identity and service endpoints: skip them (TLS_SKIP_VERIFY, clouds.yaml <c>verify: false</c>),
/// or trust an extra CA bundle (OS_CACERT, clouds.yaml <c>cacert</c>; this module's extension, spec §12).
/// </summary>
internal sealed record TlsOptions(bool SkipVerify, string? CaFile);
