using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>Options of <c>velero-openshift preview</c>.</summary>
internal sealed record PreviewOptions(
    string Backup,
    string Output,
    IReadOnlyDictionary<string, string> NamespaceMapping,
    string? ServerVersion,
    string? RegistryHostname,
    string? BackupObject,
    string? ClusterObjects,
    WorkflowKind Workflow)
{
    public const string Help = """
        velero-openshift preview --backup FILE.tar.gz --output DIR [options]

        Shows what a Velero restore of a backup tarball would create, running every OpenShift restore
        action offline, and writes each manifest to DIR/<namespace or _cluster>/<resource>/<name>.json.

          --backup FILE              the backup tarball (<backup>.tar.gz from the storage location)
          --output DIR               where to write the manifests (created if needed)
          --namespace-mapping MAP    source=target[,source=target...], as velero restore --namespace-mappings
          --server-version X.Y       Kubernetes version of the cluster restored to (default 1.29, OpenShift 4.16)
          --registry-hostname HOST   internal registry of the cluster restored to
                                     (default image-registry.openshift-image-registry.svc:5000; '' for none)
          --backup-object FILE       the velero-backup.json stored next to the tarball (optional)
          --cluster-objects PATH     a JSON file or folder of objects the cluster restored to has
                                     (its namespaces, service accounts and pull secrets, ClusterVersion);
                                     look-ups of anything else find nothing
          --workflow oadp|migration  which workflow the restore belongs to (default oadp)
        """;

    public static PreviewOptions Parse(IReadOnlyList<string> args)
    {
        string? backup = null, output = null, serverVersion = null, registryHostname = null, backupObject = null, clusterObjects = null;
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var workflow = WorkflowKind.Oadp;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value"));
            switch (name)
            {
                case "--backup": backup = Value(); break;
                case "--output": output = Value(); break;
                case "--server-version": serverVersion = Value(); break;
                case "--registry-hostname": registryHostname = Value(); break;
                case "--backup-object": backupObject = Value(); break;
                case "--cluster-objects": clusterObjects = Value(); break;
                case "--namespace-mapping": AddMappings(Value(), mapping); break;
                case "--workflow":
                    workflow = Enum.TryParse<WorkflowKind>(Value(), ignoreCase: true, out var parsed)
                        ? parsed
                        : throw new ArgumentException("--workflow must be oadp or migration");
                    break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return new PreviewOptions(
            backup ?? throw new ArgumentException("--backup is required"),
            output ?? throw new ArgumentException("--output is required"),
            mapping,
            serverVersion,
            registryHostname,
            backupObject,
            clusterObjects,
            workflow);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static void AddMappings(string text, Dictionary<string, string> mapping)
    {
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(['=', ':'], 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"--namespace-mapping entry '{pair}' must be source=target");
            }

            mapping[parts[0]] = parts[1];
        }
    }
}
