using System.Text.Json.Nodes;
using VeleroOpenShift.Cmdlets.Infrastructure;

namespace VeleroOpenShift.Cmdlets.Commands.Transform;

/// <summary>
/// Turns -Item or -Path/-LiteralPath (files of one object or a List) into the items to transform. A bad input is reported as an error
/// (and yields nothing), so the other inputs go on.
/// </summary>
internal static class TransformInputs
{
    public static IReadOnlyList<JsonObject> Read(TransformCmdlet cmdlet, object? item, string[] paths, bool literal, CancellationToken cancellationToken)
    {
        var results = new List<JsonObject>();
        if (item is not null)
        {
            foreach (var element in Elements(item))
            {
                try
                {
                    results.AddRange(ItemInput.FromObject(element));
                }
                catch (Errors.VeleroOpenShiftException failure)
                {
                    cmdlet.WriteError(ErrorRecordFactory.Create(failure, element));
                }
            }

            return results;
        }

        foreach (var given in paths)
        {
            try
            {
                foreach (var file in ProviderPaths.Resolve(cmdlet, given, literal))
                {
                    results.AddRange(ItemInput.FromFile(file, cancellationToken));
                }
            }
            catch (Exception e) when (e is Errors.VeleroOpenShiftException or IOException or UnauthorizedAccessException or System.Management.Automation.ItemNotFoundException)
            {
                cmdlet.WriteError(ErrorRecordFactory.Create(e, given));
            }
        }

        return results;
    }

    /// <summary>
    /// <c>-Item $items</c> binds the whole array where piping it sends one element at a time; both mean the
    /// same items, and a bad element fails alone.
    /// </summary>
    private static IEnumerable<object?> Elements(object item) =>
        (item is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : item) is object?[] array ? array : [item];
}
