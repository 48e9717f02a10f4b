using System.Management.Automation;
using System.Reflection;

namespace VeleroOpenShift.PowerShell.Tests.Conventions;

/// <summary>
/// What PSScriptAnalyzer would check for a script module, checked by reflection for our compiled cmdlets.
/// Each test lists every violation at once.
/// </summary>
public sealed class CmdletConventionTests
{
    private static readonly HashSet<string> ApprovedVerbs = [.. new[]
    {
        typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
        typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
    }.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)!)];

    /// <summary>Verbs whose cmdlets change state somewhere and so must honour -WhatIf and -Confirm.</summary>
    private static readonly HashSet<string> StateChangingVerbs =
    [
        VerbsCommon.New, VerbsCommon.Set, VerbsCommon.Remove, VerbsCommon.Add, VerbsCommon.Clear, VerbsCommon.Copy,
        VerbsCommon.Move, VerbsCommon.Rename, VerbsCommon.Reset, VerbsCommunications.Send, VerbsData.Save,
        VerbsData.Update, VerbsData.Restore, VerbsData.Backup, VerbsData.Publish, VerbsData.Unpublish, VerbsData.Import,
        VerbsLifecycle.Install, VerbsLifecycle.Uninstall, VerbsLifecycle.Register, VerbsLifecycle.Unregister,
        VerbsLifecycle.Start, VerbsLifecycle.Stop, VerbsLifecycle.Restart, VerbsLifecycle.Enable, VerbsLifecycle.Disable,
        VerbsCommunications.Write, VerbsCommon.Lock, VerbsCommon.Unlock,
    ];

    [Fact]
    public void The_module_has_cmdlets()
    {
        Assert.NotEmpty(ModuleCmdlets.Types);
    }

    [Fact]
    public void Cmdlets_use_approved_verbs_singular_nouns_and_the_class_naming_rule()
    {
        var violations = new List<string>();
        foreach (var type in ModuleCmdlets.Types)
        {
            var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
            if (!ApprovedVerbs.Contains(attribute.VerbName))
            {
                violations.Add($"{type.Name}: verb '{attribute.VerbName}' is not approved");
            }

            if (IsPlural(attribute.NounName))
            {
                violations.Add($"{type.Name}: noun '{attribute.NounName}' looks plural");
            }

            if (type.Name != $"{attribute.VerbName}{attribute.NounName}Command" || !type.IsSealed || !type.IsPublic)
            {
                violations.Add($"{type.Name}: must be 'public sealed class {attribute.VerbName}{attribute.NounName}Command'");
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Cmdlets_declare_their_output_type()
    {
        var missing = ModuleCmdlets.Types.Where(t => !t.GetCustomAttributes<OutputTypeAttribute>().SelectMany(a => a.Type).Any()).Select(t => t.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void State_changing_cmdlets_support_should_process_and_deletes_confirm_by_default()
    {
        var violations = new List<string>();
        foreach (var type in ModuleCmdlets.Types)
        {
            var attribute = type.GetCustomAttribute<CmdletAttribute>()!;
            if (StateChangingVerbs.Contains(attribute.VerbName) && !attribute.SupportsShouldProcess)
            {
                violations.Add($"{type.Name}: {attribute.VerbName} changes state but does not declare SupportsShouldProcess");
            }

            if (attribute.VerbName == VerbsCommon.Remove && attribute.ConfirmImpact != ConfirmImpact.High)
            {
                violations.Add($"{type.Name}: deletes must declare ConfirmImpact.High");
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Every_cmdlet_has_help_with_an_example()
    {
        using var host = PowerShellHost.CreateWithModule();
        var violations = new List<string>();
        foreach (var name in ModuleCmdlets.Types.Select(ModuleCmdlets.NameOf))
        {
            var result = host.Invoke("@((Get-Help -Name $args[0] -Examples).examples.example).Count", name);
            var count = result.Succeeded ? Convert.ToInt32(result.Output.Single()?.BaseObject, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (count < 1)
            {
                violations.Add($"{name}: Get-Help -Examples shows no example ({result.Describe()})");
            }
        }

        Assert.Empty(violations);
    }

    private static bool IsPlural(string noun) =>
        noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal) && !noun.EndsWith("is", StringComparison.Ordinal);
}
