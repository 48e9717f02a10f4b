using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VeleroOpenShift.Kube;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Whether Velero will run restore hooks for a pod (spec §4.8): hook annotations on the pod, or a
/// <c>spec.hooks.resources</c> entry of the Restore with post hooks whose filters admit the pod.
/// Matches the source namespace and the literal resource <c>pods</c>, as the original does.
/// </summary>
internal static class RestoreHooks
{
    public static bool PodHasRestoreHookAnnotations(JsonObject pod, ItemReference reference) =>
        Metadata.HasAnnotation(pod, OpenShiftConstants.PostRestoreHookCommand, reference)
        || Metadata.HasAnnotation(pod, OpenShiftConstants.InitRestoreHookContainerImage, reference);

    public static bool PodHasRestoreHooks(JsonObject pod, VeleroRestore restore, ItemReference reference) =>
        PodHasRestoreHookAnnotations(pod, reference)
        || RestoreHasRestoreHooks(restore, Metadata.Namespace(pod, reference), Metadata.Labels(pod, reference));

    /// <summary>Whether <c>restore.spec.hooks.resources</c> is present (even empty).</summary>
    public static bool RestoreDeclaresHooks(VeleroRestore restore) =>
        ItemFields.GetArray(restore.Json, "spec.hooks.resources", restore.Reference) is not null;

    public static bool RestoreHasRestoreHooks(VeleroRestore restore, string ns, IReadOnlyDictionary<string, string> podLabels)
    {
        var owner = restore.Reference;
        const string listPath = "spec.hooks.resources";
        foreach (var (entry, path) in Fields.Objects(ItemFields.GetArray(restore.Json, listPath, owner), listPath, owner))
        {
            var postHooks = Fields.Array(entry, "postHooks", $"{path}.postHooks", owner);
            if (postHooks is null || postHooks.Count == 0)
            {
                continue;
            }

            var namespaces = Strings(entry, "includedNamespaces", path, owner);
            var excludedNamespaces = Strings(entry, "excludedNamespaces", path, owner);
            var resources = Strings(entry, "includedResources", path, owner);
            var excludedResources = Strings(entry, "excludedResources", path, owner);
            var selector = Fields.Object(entry, "labelSelector", $"{path}.labelSelector", owner) is { } selectorObject
                ? LabelSelector.FromObject(selectorObject, owner, $"{path}.labelSelector")
                : null;

            if (ShouldInclude(ns, namespaces, excludedNamespaces)
                && ShouldInclude("pods", resources, excludedResources)
                && (selector is null || selector.Matches(podLabels)))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<string> Strings(JsonObject entry, string key, string path, ItemReference owner) =>
        Fields.Strings(Fields.Array(entry, key, $"{path}.{key}", owner), $"{path}.{key}", owner);

    // Velero's IncludesExcludes: exclusions win; no includes or "*" means everything; entries are globs.
    private static bool ShouldInclude(string value, IReadOnlyList<string> included, IReadOnlyList<string> excluded) =>
        !excluded.Any(pattern => Glob(pattern, value))
        && (included.Count == 0 || included.Contains("*") || included.Any(pattern => Glob(pattern, value)));

    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(
            value,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
}
