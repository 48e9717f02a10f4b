using VeleroOpenShift.PowerShell.Tests.PesterCompat;
using Xunit;
using Xunit.Sdk;

namespace VeleroOpenShift.PowerShell.Tests;

/// <summary>The Pester stand-in (PesterCompat/Pester.psm1) run on the files of PesterCompatFixtures.</summary>
public sealed class PesterCompatTests
{
    private static readonly string[] Operators =
        ["Be", "BeExactly", "BeNullOrEmpty", "BeTrue", "BeFalse", "Throw", "HaveCount", "Contain", "Match", "BeOfType", "BeGreaterThan", "BeLessThan"];

    private static readonly Lazy<PesterFileReport> shouldOperators = new(() => PesterCompatRunner.Run(Fixture("ShouldOperators.Tests.ps1")));
    private static readonly Lazy<PesterFileReport> failures = new(() => PesterCompatRunner.Run(Fixture("Failures.Tests.ps1"), "$global:CompatLog"));
    private static readonly Lazy<PesterFileReport> cases = new(() => PesterCompatRunner.Run(Fixture("Cases.Tests.ps1"), "[bool] $global:CompatSkippedRan"));

    [Fact]
    public void EveryItNamedPassesPassesAndEveryItNamedFailsFails()
    {
        var tests = shouldOperators.Value.Tests;

        Assert.All(tests.Where(test => test.Path[^1].StartsWith("passes", StringComparison.Ordinal)), test =>
            Assert.True(test.Outcome == PesterOutcome.Passed, $"{test.FullName}: {test.Outcome} {test.Message}"));
        Assert.All(tests.Where(test => test.Path[^1].StartsWith("fails", StringComparison.Ordinal)), test =>
            Assert.True(test.Outcome == PesterOutcome.Failed, $"{test.FullName}: {test.Outcome}"));
        Assert.All(tests, test => Assert.Matches("^(passes|fails)", test.Path[^1]));
    }

    [Fact]
    public void EveryOperatorIsExercisedPassingAndFailingWithAndWithoutNot()
    {
        var names = shouldOperators.Value.Tests.ToLookup(test => test.Path[0], test => test.Path[^1]);

        Assert.All(Operators, @operator =>
        {
            var its = names[@operator].ToList();
            Assert.Contains(its, name => name.StartsWith("passes ", StringComparison.Ordinal) && !name.StartsWith("passes -Not", StringComparison.Ordinal));
            Assert.Contains(its, name => name.StartsWith("passes -Not", StringComparison.Ordinal));
            Assert.Contains(its, name => name.StartsWith("fails ", StringComparison.Ordinal) && !name.StartsWith("fails -Not", StringComparison.Ordinal));
            Assert.Contains(its, name => name.StartsWith("fails -Not", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("Be > fails on different numbers", "Expected 2, but got 1.")]
    [InlineData("Be > fails with the reason given", "Expected 2, because one is not two, but got 1.")]
    [InlineData("Be > fails -Not on equal values", "Expected 1 to be different from the actual value, but got the same value.")]
    [InlineData("Be > fails on different strings", "Expected strings to be the same, but they were different.\nExpected length: 4\nActual length:   5\nStrings differ at index 3.\nExpected: 'help'\nBut was:  'hello'\n           ---^")]
    [InlineData("BeExactly > fails on another case", "Expected strings to be the same, but they were different.\nString lengths are both 4.\nStrings differ at index 0.\nExpected: 'text'\nBut was:  'Text'\n           ^")]
    [InlineData("BeExactly > fails -Not on the same value", "Expected 'Text' to be different from the actual value, but got exactly the same value.")]
    [InlineData("BeNullOrEmpty > fails on a value", "Expected $null or empty, but got @('x').")]
    [InlineData("BeNullOrEmpty > fails -Not on null", "Expected a value, but got $null or empty.")]
    [InlineData("BeTrue > fails on false", "Expected $true, but got $false.")]
    [InlineData("BeTrue > fails -Not on true", "Expected $false, but got $true.")]
    [InlineData("BeFalse > fails on true", "Expected $false, but got $true.")]
    [InlineData("BeFalse > fails -Not on false", "Expected $true, but got $false.")]
    [InlineData("Throw > fails when nothing is thrown", "Expected an exception to be thrown, but no exception was thrown.")]
    [InlineData("HaveCount > fails on another count", "Expected a collection with size 3, but got collection with size 2 @(1, 2).")]
    [InlineData("HaveCount > fails -Not on the same count", "Expected a collection with size different from 2, but got collection with that size @(1, 2).")]
    [InlineData("Contain > fails when the item is missing", "Expected 'c' to be found in collection @('a', 'b'), but it was not found.")]
    [InlineData("Contain > fails -Not when the item is there", "Expected 'a' to not be found in collection @('a', 'b'), but it was found.")]
    [InlineData("Match > fails when the pattern does not match", @"Expected regular expression '^\d+$' to match 'Hello', but it did not match.")]
    [InlineData("Match > fails -Not when the pattern matches", "Expected regular expression 'ell' to not match 'Hello', but it did match.")]
    [InlineData("BeOfType > fails on another type", "Expected the value to have type [System.String] or any of its subtypes, but got 1 with type [System.Int32].")]
    [InlineData("BeOfType > fails -Not on the type", "Expected the value to not have type [System.String] or any of its subtypes, but got 'x' with type [System.String].")]
    [InlineData("BeGreaterThan > fails on an equal value", "Expected the actual value to be greater than 1, but got 1.")]
    [InlineData("BeGreaterThan > fails -Not on a greater value", "Expected the actual value to be less than or equal to 1, but got 2.")]
    [InlineData("BeLessThan > fails on an equal value", "Expected the actual value to be less than 2, but got 2.")]
    [InlineData("BeLessThan > fails -Not on a smaller value", "Expected the actual value to be greater than or equal to 2, but got 1.")]
    [InlineData("Should input > fails when one piped item fails an item operator", "Expected the actual value to be less than 4, but got 5.")]
    [InlineData("Should input > fails on a usage error: no operator", "ArgumentException: Should needs exactly one operator, such as -Be or -Throw; got 0.")]
    [InlineData("Should input > fails on a usage error: -Throw without a script block", "ArgumentException: Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.")]
    public void FailureMessagesReadLikePesters(string test, string message) =>
        Assert.Equal(message, Single(shouldOperators.Value, test).Message);

    // These end with the position of the exception, which depends on the engine's wording.
    [Theory]
    [InlineData("Throw > fails on another message", "Expected an exception with message like 'bang' to be thrown, but the message was 'boom'. from ")]
    [InlineData("Throw > fails on another error id", "Expected an exception with FullyQualifiedErrorId 'OtherId' to be thrown, but the FullyQualifiedErrorId was 'SomeId'. from ")]
    [InlineData("Throw > fails on another exception type", "Expected an exception with type [System.ArgumentException] to be thrown, but the exception type was [System.InvalidOperationException]. from ")]
    [InlineData("Throw > fails -Not when the block throws", "Expected no exception to be thrown, but an exception \"boom\" was thrown from ")]
    public void ThrowFailureMessagesSayWhereTheExceptionCameFrom(string test, string start)
    {
        var message = Single(shouldOperators.Value, test).Message;

        Assert.StartsWith(start, message, StringComparison.Ordinal);
        Assert.Contains("ShouldOperators.Tests.ps1:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedShouldReportsItsMessageAndTheLineInTheTestFile()
    {
        var failed = Single(failures.Value, "Failing Its > reports the Should message and line");

        Assert.Equal(PesterOutcome.Failed, failed.Outcome);
        Assert.Equal("Expected 2, but got 1.", failed.Message);
        Assert.StartsWith($"at $value | Should -Be 2, {Fixture("Failures.Tests.ps1")}:{LineOf("Failures.Tests.ps1", "$value | Should -Be 2")}", failed.Position, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExceptionFailsItsItWithTheExceptionTypeAndMessage()
    {
        var failed = Single(failures.Value, "Failing Its > reports a thrown exception");

        Assert.Equal(PesterOutcome.Failed, failed.Outcome);
        Assert.Equal("InvalidOperationException: broken state", failed.Message);
        Assert.Contains($"Failures.Tests.ps1:{LineOf("Failures.Tests.ps1", "broken state")}", failed.Position, StringComparison.Ordinal);
        Assert.Equal(PesterOutcome.Passed, Single(failures.Value, "Failing Its > passes beside failing Its").Outcome);
    }

    [Fact]
    public void ABeforeAllFailureFailsEveryItOfItsBlockAndTheAfterAllStillRuns()
    {
        string[] failedIts = ["BeforeAll failure > fails the first It", "BeforeAll failure > fails the second It", "BeforeAll failure > Nested > fails a nested It"];

        Assert.All(failedIts, name =>
        {
            var test = Single(failures.Value, name);
            Assert.Equal(PesterOutcome.Failed, test.Outcome);
            Assert.Equal("BeforeAll failed: RuntimeException: setup broke", test.Message);
        });
        Assert.Contains("AfterAll after failed BeforeAll", failures.Value.Probe);
        Assert.DoesNotContain("It body after failed BeforeAll", failures.Value.Probe);
    }

    [Fact]
    public void ABeforeAllFailureInAContextLeavesItsSiblingsAlone()
    {
        Assert.Equal("BeforeAll failed: RuntimeException: context setup broke", Single(failures.Value, "BeforeAll failure in a Context > Broken > fails").Message);
        Assert.Equal(PesterOutcome.Passed, Single(failures.Value, "BeforeAll failure in a Context > does not fail a sibling of the Context").Outcome);
    }

    [Fact]
    public void EachSetupAndTeardownFailureFailsTheIt()
    {
        Assert.Equal("RuntimeException: each broke", Single(failures.Value, "BeforeEach failure > fails without running the body").Message);
        Assert.Contains("AfterEach after failed BeforeEach", failures.Value.Probe);
        Assert.DoesNotContain("It body after failed BeforeEach", failures.Value.Probe);
        Assert.Equal("RuntimeException: cleanup broke", Single(failures.Value, "AfterEach failure > fails although its body passed").Message);
        Assert.Equal("AfterAll failed: RuntimeException: teardown broke", Single(failures.Value, "AfterAll failure > fails the Its of the block").Message);
    }

    [Fact]
    public void SetupsTeardownsAndItsRunInPesterOrderAndScopes()
    {
        var report = PesterCompatRunner.Run(Fixture("Lifecycle.Tests.ps1"), "$global:CompatLog");

        Assert.All(report.Tests, test => Assert.True(test.Outcome == PesterOutcome.Passed, $"{test.FullName}: {test.Message}{Environment.NewLine}{test.Position}"));
        Assert.Equal(5, report.Tests.Count);
        Assert.Equal(
            [
                "discover file", "discover Outer", "discover Inner",
                "BeforeAll file", "BeforeAll Outer",
                "BeforeEach Outer", "It first", "AfterEach Outer after first",
                "BeforeEach Outer", "It second", "AfterEach Outer after second",
                "BeforeAll Inner",
                "BeforeEach Outer", "BeforeEach Inner", "It nested", "AfterEach Inner", "AfterEach Outer after nested",
                "AfterAll Inner",
                "BeforeEach Outer", "It after Inner", "AfterEach Outer after after Inner",
                "BeforeEach Outer", "AfterEach Outer after PSScriptRoot",
                "AfterAll Outer",
            ],
            report.Probe);
    }

    [Fact]
    public void DiscoveryRunsTheBlockBodiesButNoSetupAndNoIt()
    {
        var report = PesterCompatRunner.Discover(Fixture("Lifecycle.Tests.ps1"), "$global:CompatLog");

        Assert.Equal(["discover file", "discover Outer", "discover Inner"], report.Probe);
        Assert.Equal(
            ["Outer > first", "Outer > second", "Outer > Inner > nested", "Outer > after Inner", "Outer > sees the folder of the test file as $PSScriptRoot"],
            report.Tests.Select(test => test.FullName));
        Assert.All(report.Tests, test => Assert.Equal(PesterOutcome.NotRun, test.Outcome));
    }

    [Fact]
    public void TestCasesExpandTheNameAndBecomeVariablesParametersAndDollarUnderscore()
    {
        Assert.All(
            ["Test cases > adds 1 and 2", "Test cases > adds 2 and 2", "Test cases > binds the case to the param block: bound", "Test cases > sees a plain case as $_: x", "Test cases > sees a plain case as $_: y"],
            name => Assert.Equal(PesterOutcome.Passed, Single(cases.Value, name).Outcome));
    }

    [Fact]
    public void SkippedItsAndBlocksDoNotRun()
    {
        Assert.Equal(PesterOutcome.Skipped, Single(cases.Value, "Test cases > is skipped").Outcome);
        Assert.Equal(PesterOutcome.Skipped, Single(cases.Value, "Skipped block > is skipped with its block").Outcome);
        Assert.Equal(["False"], cases.Value.Probe);
    }

    [Fact]
    public void ADiscoveryFailureIsReportedWithItsCauseAndPosition()
    {
        var report = PesterCompatRunner.Discover(Fixture("DiscoveryThrows.Tests.ps1"));

        Assert.Empty(report.Tests);
        Assert.StartsWith("Discovery failed: RuntimeException: discovery broke", report.DiscoveryError, StringComparison.Ordinal);
        Assert.Contains($"DiscoveryThrows.Tests.ps1:{LineOf("DiscoveryThrows.Tests.ps1", "throw 'discovery broke'")}", report.DiscoveryError, StringComparison.Ordinal);
        Assert.StartsWith("Discovery failed: the file does not parse.", PesterCompatRunner.Discover(Fixture("DiscoveryParseError.Tests.ps1")).DiscoveryError, StringComparison.Ordinal);
    }

    [Fact]
    public void CasesAreOnePerItWithFailedOrEmptyFilesStandingAsOneCase()
    {
        var listed = PesterCases.For(RepoPaths.PesterCompatFixtures);

        Assert.Equal(PesterCases.Files(RepoPaths.PesterCompatFixtures), listed.Select(item => item.File).Distinct());
        Assert.Equal([PesterCases.DiscoveryFailed], listed.Where(item => item.File == "DiscoveryThrows.Tests.ps1").Select(item => item.Test));
        Assert.Equal([PesterCases.DiscoveryFailed], listed.Where(item => item.File == "DiscoveryParseError.Tests.ps1").Select(item => item.Test));
        Assert.Equal([PesterCases.NoIt], listed.Where(item => item.File == "Empty.Tests.ps1").Select(item => item.Test));
        Assert.Equal([0, 1], listed.Where(item => item.Test == "Test cases > has the same name twice").Select(item => item.Occurrence));
        Assert.Equal(
            ["Test cases > is skipped", "Skipped block > is skipped with its block"],
            listed.Where(item => item.Skip).Select(item => item.Test));
        Assert.Equal(
            "Cases.Tests.ps1: Test cases > has the same name twice (#2)",
            listed.Single(item => item.Test == "Test cases > has the same name twice" && item.Occurrence == 1).ToString());
    }

    [Fact]
    public void TheVerdictPassesAPassedItAndFailsAFailedOneWithItsMessage()
    {
        PesterVerdict.Assert(cases.Value, "Test cases > has the same name twice", 0);

        var failure = Assert.Throws<FailException>(() => PesterVerdict.Assert(cases.Value, "Test cases > has the same name twice", 1));
        Assert.StartsWith("Expected 2, but got 1.", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"Cases.Tests.ps1:{LineOf("Cases.Tests.ps1", "{ 1 | Should -Be 2 }")}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheVerdictFailsForADiscoveryFailureAnEmptyFileAndAnItThatIsGone()
    {
        var broken = PesterCompatRunner.Run(Fixture("DiscoveryThrows.Tests.ps1"));
        var empty = PesterCompatRunner.Run(Fixture("Empty.Tests.ps1"));

        Assert.Contains("discovery broke", Assert.Throws<FailException>(() => PesterVerdict.Assert(broken, PesterCases.DiscoveryFailed, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("declares no It", Assert.Throws<FailException>(() => PesterVerdict.Assert(empty, PesterCases.NoIt, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("was not found", Assert.Throws<FailException>(() => PesterVerdict.Assert(cases.Value, "Test cases > renamed", 0)).Message, StringComparison.Ordinal);
    }

    private static string Fixture(string name) => Path.Combine(RepoPaths.PesterCompatFixtures, name);

    private static PesterTestReport Single(PesterFileReport report, string fullName) =>
        Assert.Single(report.Tests, test => test.FullName == fullName);

    private static int LineOf(string fixture, string text) =>
        Array.FindIndex(File.ReadAllLines(Fixture(fixture)), line => line.Contains(text, StringComparison.Ordinal)) + 1;
}
