// Shim mode drives the Linux-only plugin executable.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
