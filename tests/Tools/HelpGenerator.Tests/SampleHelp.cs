using VeleroOpenShift.HelpGenerator.Metadata;

namespace VeleroOpenShift.HelpGenerator.Tests;

/// <summary>
/// A made-up cmdlet with what help has to get right: two parameter sets, a positional wildcard
/// parameter, pipeline input by value and by property name, accepted values, an alias, a switch,
/// SupportsShouldProcess and an output type.
/// </summary>
internal static class SampleHelp
{
    public const string File = "/docs/en-US/Remove-Widget.md";

    public const string Markdown = """
        ---
        external help file: Widgets.dll-Help.xml
        Module Name: Widgets
        ---

        # Remove-Widget

        ## SYNOPSIS
        Removes widgets.

        ## SYNTAX
        ```
        Remove-Widget [-Name] <String[]> [-WhatIf] [-Confirm]
        ```

        ## DESCRIPTION
        The `Remove-Widget` cmdlet removes widgets
        from the widget store.

        Removed widgets cannot be restored.

        - first point
        - second point
          continued

        ## EXAMPLES

        ### Example 1: Remove one widget
        ```powershell
        Remove-Widget -Name blue
        ```

        Removes the widget named blue.

        ### Example 2: Remove widgets from the pipeline
        ```powershell
        Get-Widget -Color Red |
            Remove-Widget -Force
        ```

        Removes every red widget.

        ```Output
        # nothing is written
        ```

        ## PARAMETERS

        ### -Name
        Names of the widgets; wildcards are allowed.

        ```yaml
        Type: System.String[]
        Required: True
        Position: 0
        ```

        ### -InputObject
        A widget from Get-Widget.

        ### -Color
        Removes widgets of this color.

        ### -Force
        Removes locked widgets too.

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### Widget
        A widget object.

        ## OUTPUTS

        ### System.String
        The name of each removed widget.

        ## NOTES
        Needs write access to the store.

        ## RELATED LINKS
        - [Get-Widget](Get-Widget.md)
        - [Online help](https://example.invalid/remove-widget)

        about_Widgets
        """;

    public static readonly TypeReference StringArray = new("System.String[]", "String[]", true);
    public static readonly TypeReference Widget = new("Widgets.Widget", "Widget", false);
    public static readonly TypeReference ColorType = new("Widgets.Color", "Color", false);
    public static readonly TypeReference Switch = new("System.Management.Automation.SwitchParameter", "SwitchParameter", false);

    public static CmdletMetadata Metadata() => new(
        "Remove-Widget",
        "Remove",
        "Widget",
        "Widgets.dll-Help.xml",
        [
            new CmdletParameter("Name", StringArray, false, true, false, ["WidgetName"], []),
            new CmdletParameter("InputObject", Widget, false, false, false, [], []),
            new CmdletParameter("Color", ColorType, false, false, false, [], ["Red", "Blue"]),
            new CmdletParameter("Force", Switch, true, false, false, [], []),
            new CmdletParameter("WhatIf", Switch, true, false, true, ["wi"], []),
            new CmdletParameter("Confirm", Switch, true, false, true, ["cf"], []),
        ],
        [
            new CmdletParameterSet("ByName", true,
            [
                new ParameterBinding("Name", true, 0, false, true),
                new ParameterBinding("Color", false, null, false, false),
                new ParameterBinding("Force", false, null, false, false),
                new ParameterBinding("WhatIf", false, null, false, false),
                new ParameterBinding("Confirm", false, null, false, false),
            ]),
            new CmdletParameterSet("ByObject", false,
            [
                new ParameterBinding("InputObject", true, null, true, false),
                new ParameterBinding("Force", false, null, false, false),
                new ParameterBinding("WhatIf", false, null, false, false),
                new ParameterBinding("Confirm", false, null, false, false),
            ]),
        ],
        [new TypeReference("System.String", "String", false)]);
}
