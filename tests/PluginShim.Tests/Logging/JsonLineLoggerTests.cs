using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.PluginShim.Logging;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.Logging;

public sealed class JsonLineLoggerTests
{
    private readonly MemoryStream _stderr = new();

    [Fact]
    public void AnEntryIsOneJsonLineWithStringLevelAndMessageAndNoTimestamp()
    {
        var logger = Logger(LogLevel.Information);

        logger.LogInformation("restored {Item} into {Namespace}", "Pod/web/frontend", "web-copy");

        Assert.Equal(
            """{"@level":"info","@message":"restored Pod/web/frontend into web-copy","@logSourceSetBy":"plugin","logSource":"Test.Category","Item":"Pod/web/frontend","Namespace":"web-copy"}""" + "\n",
            Output());
    }

    [Theory]
    [InlineData(LogLevel.Trace, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Error, "error")]
    [InlineData(LogLevel.Critical, "error")]
    public void LevelsUseTheFiveNamesTheHostKnows(LogLevel level, string expected)
    {
        Logger(LogLevel.Trace).Log(level, "m");

        Assert.Equal(expected, Single()["@level"]);
    }

    [Theory]
    [InlineData("info", 2)]
    [InlineData("debug", 3)]
    [InlineData("trace", 4)]
    [InlineData("warning", 1)]
    [InlineData("error", 0)]
    [InlineData("panic", 0)]
    [InlineData("nonsense", 2)]
    [InlineData(null, 2)]
    public void TheVeleroLogLevelFilters(string? veleroLevel, int expectedLines)
    {
        var logger = Logger(VeleroLogLevel.Parse(veleroLevel));

        logger.LogTrace("t");
        logger.LogDebug("d");
        logger.LogInformation("i");
        logger.LogWarning("w");

        Assert.Equal(expectedLines, Lines().Length);
    }

    [Fact]
    public void AnExceptionBecomesErrorAndExceptionFields()
    {
        var failure = new InvalidOperationException("broken thing");

        Logger(LogLevel.Information).LogError(failure, "call failed");

        var line = Single();
        Assert.Equal(("error", "call failed", "broken thing"), (line["@level"], line["@message"], line["error"]));
        Assert.StartsWith("System.InvalidOperationException: broken thing", line["exception"], StringComparison.Ordinal);
    }

    [Fact]
    public void AStateFieldNamedLikeAReservedKeyCannotBreakTheLine()
    {
        Logger(LogLevel.Information).LogInformation("at {@timestamp} level {@level}", "yesterday", 42);

        var line = Single();
        Assert.Equal("info", line["@level"]);
        Assert.False(line.ContainsKey("@timestamp"));
    }

    [Fact]
    public void AHugeMessageIsTruncatedBelowTheHostsLineBuffer()
    {
        Logger(LogLevel.Information).LogInformation("{Payload}", new string('é', 200_000));

        var output = Output();
        Assert.True(Encoding.UTF8.GetByteCount(output) < 64 * 1024);
        Assert.EndsWith("…(truncated)", Single()["@message"], StringComparison.Ordinal);
    }

    private ILogger Logger(LogLevel minimum) =>
        new JsonLineLoggerProvider(new JsonLineWriter(_stderr), minimum).CreateLogger("Test.Category");

    private string Output() => Encoding.UTF8.GetString(_stderr.ToArray());

    private string[] Lines() => Output().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private Dictionary<string, string> Single() =>
        JsonSerializer.Deserialize(Assert.Single(Lines()), TestJsonContext.Default.DictionaryStringString)!;
}
