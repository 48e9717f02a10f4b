namespace VeleroOpenShift.HelpGenerator.Metadata;

/// <summary>Names types the way PowerShell help does: "System.String[]", "Nullable[Int32]".</summary>
internal static class TypeNames
{
    public static TypeReference Describe(Type type) =>
        new(Name(type, fullName: true), Name(type, fullName: false), type.IsArray);

    /// <summary>For an [OutputType('Some.Type')] that names a type PowerShell could not resolve.</summary>
    public static TypeReference Describe(string typeName) =>
        new(typeName, typeName[(typeName.LastIndexOf('.') + 1)..], typeName.EndsWith("[]", StringComparison.Ordinal));

    private static string Name(Type type, bool fullName)
    {
        if (type.IsArray)
        {
            return Name(type.GetElementType()!, fullName) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var baseName = fullName ? definition.FullName! : definition.Name;
            baseName = baseName[..baseName.IndexOf('`', StringComparison.Ordinal)];
            return baseName + "[" + string.Join(",", type.GetGenericArguments().Select(a => Name(a, fullName))) + "]";
        }

        return fullName ? type.FullName ?? type.Name : type.Name;
    }

    /// <summary>The element type an enum list or nullable enum parameter accepts, if it is an enum.</summary>
    public static Type? EnumType(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsEnum ? element : null;
    }
}
