namespace VeleroOpenShift.Tests.OpenShift;

/// <summary>Every case of every fixture file under OpenShift/Fixtures, run through its registered plugin.</summary>
public sealed class FixtureTests
{
    public static IEnumerable<object[]> Cases() => FixtureFiles.AllCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Case(FixtureCase fixture) => FixtureRunner.RunAsync(fixture.Load());
}
