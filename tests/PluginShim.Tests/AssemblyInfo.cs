// The shim is Linux-only (Velero's server pod is), and so are its tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
