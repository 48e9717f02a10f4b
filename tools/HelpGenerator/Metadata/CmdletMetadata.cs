namespace VeleroOpenShift.HelpGenerator.Metadata;

/// <summary>
/// What PowerShell itself knows about a cmdlet, without PowerShell types, so the validator and the
/// MAML writer can be tested with hand-made metadata. Common parameters are left out: Get-Help adds
/// "[&lt;CommonParameters&gt;]" by itself.
/// </summary>
internal sealed record CmdletMetadata(
    string Name,
    string Verb,
    string Noun,
    string HelpFileName,
    IReadOnlyList<CmdletParameter> Parameters,
    IReadOnlyList<CmdletParameterSet> ParameterSets,
    IReadOnlyList<TypeReference> OutputTypes)
{
    /// <summary>Types of the parameters that take pipeline input, by value or by property name.</summary>
    public IReadOnlyList<TypeReference> InputTypes =>
        ParameterSets.SelectMany(set => set.Parameters)
            .Where(binding => binding.FromPipeline || binding.FromPipelineByPropertyName)
            .Select(binding => binding.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(name => Parameter(name).Type)
            .Distinct()
            .ToList();

    public CmdletParameter Parameter(string name) =>
        Parameters.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A parameter as declared once on the cmdlet class. <see cref="IsShouldProcessParameter"/> marks
/// -WhatIf and -Confirm: they belong in the syntax, but their help text is standard.
/// </summary>
internal sealed record CmdletParameter(
    string Name,
    TypeReference Type,
    bool IsSwitch,
    bool SupportsWildcards,
    bool IsShouldProcessParameter,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues);

/// <summary>A parameter set; <see cref="Parameters"/> are in the order Get-Command -Syntax shows them.</summary>
internal sealed record CmdletParameterSet(string Name, bool IsDefault, IReadOnlyList<ParameterBinding> Parameters);

/// <summary>How a parameter binds within one parameter set; <see cref="Position"/> is null when named.</summary>
internal sealed record ParameterBinding(
    string Name,
    bool IsMandatory,
    int? Position,
    bool FromPipeline,
    bool FromPipelineByPropertyName);

/// <summary>A type as help shows it: full name in type lists, short name after a parameter ("-Name &lt;String[]&gt;").</summary>
internal sealed record TypeReference(string FullName, string ShortName, bool IsCollection)
{
    public bool Matches(string name) =>
        string.Equals(name, FullName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, ShortName, StringComparison.OrdinalIgnoreCase);
}
