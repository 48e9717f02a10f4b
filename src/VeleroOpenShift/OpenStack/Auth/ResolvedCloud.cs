namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>The outcome of credential resolution: what to authenticate with, and with which identity API.</summary>
internal sealed record ResolvedCloud(CloudEntry Entry, IdentityVersion Version, string Source);
