using System.Text.Json.Nodes;
using VeleroOpenShift.Kube;

namespace VeleroOpenShift.OpenShift.Common;

/// <summary>
/// Namespace mapping inside RBAC subjects, user names and group names (spec §4.6).
/// Divergence (RECOMMENDED): a subject named <c>system:serviceaccount:&lt;ns&gt;:&lt;sa&gt;</c> (a User) is
/// mapped too, not only the plural group form.
/// </summary>
internal static class SubjectNamespaces
{
    /// <summary>Maps <c>namespace</c> and service-account names of every subject in place; returns how many fields changed.</summary>
    public static int SwapSubjects(JsonArray? subjects, string path, IReadOnlyDictionary<string, string> mapping, ItemReference item)
    {
        var changed = 0;
        foreach (var (subject, at) in Fields.Objects(subjects, path, item))
        {
            if (Fields.String(subject, "namespace", $"{at}.namespace", item) is { Length: > 0 } ns && Mapped(ns, mapping) is { } target)
            {
                subject["namespace"] = target;
                changed++;
            }

            if (Fields.String(subject, "name", $"{at}.name", item) is { } name)
            {
                var swapped = SwapName(name, "serviceaccounts", mapping) ?? SwapName(name, "serviceaccount", mapping);
                if (swapped is not null)
                {
                    subject["name"] = swapped;
                    changed++;
                }
            }
        }

        return changed;
    }

    /// <summary><c>system:serviceaccount:&lt;ns&gt;:&lt;name&gt;</c> with the namespace mapped, or null when unchanged.</summary>
    public static string? SwapUserName(string name, IReadOnlyDictionary<string, string> mapping) => SwapName(name, "serviceaccount", mapping);

    /// <summary><c>system:serviceaccounts:&lt;ns&gt;</c> with the namespace mapped, or null when unchanged.</summary>
    public static string? SwapGroupName(string name, IReadOnlyDictionary<string, string> mapping) => SwapName(name, "serviceaccounts", mapping);

    /// <summary>Maps every string of a name list in place with <paramref name="swap"/>; returns how many changed.</summary>
    public static int SwapNames(JsonArray? names, string path, Func<string, IReadOnlyDictionary<string, string>, string?> swap, IReadOnlyDictionary<string, string> mapping, ItemReference item)
    {
        var values = Fields.Strings(names, path, item);
        var changed = 0;
        for (var i = 0; i < values.Count; i++)
        {
            if (swap(values[i], mapping) is { } swapped)
            {
                names![i] = swapped;
                changed++;
            }
        }

        return changed;
    }

    private static string? SwapName(string name, string kindSegment, IReadOnlyDictionary<string, string> mapping)
    {
        var parts = name.Split(':');
        if (parts.Length < 3 || parts[1] != kindSegment || Mapped(parts[2], mapping) is not { } target)
        {
            return null;
        }

        parts[2] = target;
        return string.Join(':', parts);
    }

    private static string? Mapped(string ns, IReadOnlyDictionary<string, string> mapping) =>
        mapping.TryGetValue(ns, out var target) && target.Length > 0 ? target : null;
}
