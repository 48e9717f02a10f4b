namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>
/// The command line. Velero passes every flag its own server received (protocol spec §2.1), in both
/// <c>--flag=value</c> and <c>--flag value</c> forms; only <c>--log-level</c> matters here and every other
/// flag is ignored. Words that are not flags are kept for a person's commands (<c>list</c>, <c>install DIR</c>).
/// </summary>
internal sealed class ShimArguments
{
    private const string LogLevelFlag = "log-level";

    private ShimArguments(IReadOnlyList<string> all, string? logLevel, IReadOnlyList<string> words, bool versionRequested)
    {
        All = all;
        LogLevel = logLevel;
        Words = words;
        VersionRequested = versionRequested;
    }

    /// <summary>Every argument as given, for commands with options of their own.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>The raw <c>--log-level</c> value, or null when absent.</summary>
    public string? LogLevel { get; }

    /// <summary>Arguments that are neither flags nor the value of a known flag.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool VersionRequested { get; }

    public static ShimArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? logLevel = null;
        var versionRequested = false;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith('-') || arg.Length == 1)
            {
                words.Add(arg);
                continue;
            }

            var flag = arg.TrimStart('-');
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? flag : flag[..equals];
            if (name == LogLevelFlag)
            {
                if (equals >= 0)
                {
                    logLevel = flag[(equals + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    logLevel = args[++i];
                }
            }
            else if (name == "version" && equals < 0)
            {
                versionRequested = true;
            }
        }

        return new ShimArguments([.. args], logLevel, words, versionRequested);
    }
}
