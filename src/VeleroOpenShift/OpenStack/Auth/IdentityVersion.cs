namespace VeleroOpenShift.OpenStack.Auth;

internal enum IdentityVersion
{
    /// <summary>Keystone v3, the default.</summary>
    V3,

    /// <summary>Keystone v2.0, selected by the spec's rules but removed from Keystone since Queens; refused when used.</summary>
    V2,

    /// <summary>Swift's own v1.0 auth (tempauth, swauth): this module's extension for clusters without Keystone.</summary>
    SwiftV1,
}
