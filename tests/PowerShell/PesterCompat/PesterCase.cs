using Xunit.Abstractions;

namespace VeleroOpenShift.PowerShell.Tests.PesterCompat;

/// <summary>
/// One It as an xunit theory row. Serializable, so xunit lists each row as its own test case, and
/// shown through <see cref="ToString"/>, which xunit does not cut short as it does strings.
/// </summary>
public sealed class PesterCase : IXunitSerializable
{
    [Obsolete("For xunit's deserializer only.")]
    public PesterCase()
    {
    }

    public PesterCase(string file, string test, int occurrence, bool skip)
    {
        File = file;
        Test = test;
        Occurrence = occurrence;
        Skip = skip;
    }

    /// <summary>Relative to the folder searched, with '/'.</summary>
    public string File { get; private set; } = "";

    /// <summary>"Describe > Context > It", or one of the stand-in names of <see cref="PesterCases"/>.</summary>
    public string Test { get; private set; } = "";

    /// <summary>0 for the first It of that name in the file, 1 for the second...</summary>
    public int Occurrence { get; private set; }

    /// <summary>The file skips this It (It -Skip, or a skipped Describe or Context).</summary>
    public bool Skip { get; private set; }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Test), Test);
        info.AddValue(nameof(Occurrence), Occurrence);
        info.AddValue(nameof(Skip), Skip);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        File = info.GetValue<string>(nameof(File));
        Test = info.GetValue<string>(nameof(Test));
        Occurrence = info.GetValue<int>(nameof(Occurrence));
        Skip = info.GetValue<bool>(nameof(Skip));
    }

    public override string ToString() => $"{File}: {Test}" + (Occurrence > 0 ? $" (#{Occurrence + 1})" : "");
}
