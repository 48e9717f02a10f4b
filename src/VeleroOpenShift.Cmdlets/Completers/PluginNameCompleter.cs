using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.Cmdlets.Completers;

/// <summary>Completes plugin names from the registration table.</summary>
public sealed class PluginNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return PluginCatalog.Default.Registrations
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)
            .Where(pattern.IsMatch)
            .Select(name => new CompletionResult(name.Contains('/', StringComparison.Ordinal) ? $"'{name}'" : name, name, CompletionResultType.ParameterValue, name));
    }
}
