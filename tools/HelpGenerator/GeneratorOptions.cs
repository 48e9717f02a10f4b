namespace VeleroOpenShift.HelpGenerator;

/// <summary>Command line: --module &lt;staged module folder&gt; --docs &lt;docs/culture folder&gt;.</summary>
internal sealed record GeneratorOptions(string ModuleDirectory, string DocsDirectory)
{
    public const string Usage = "usage: HelpGenerator --module <staged module folder> --docs <docs/<culture> folder>";

    /// <summary>The culture folder name, taken from the docs folder (docs/en-US gives en-US).</summary>
    public string Culture => new DirectoryInfo(DocsDirectory).Name;

    public static GeneratorOptions Parse(IReadOnlyList<string> args)
    {
        string? module = null;
        string? docs = null;
        for (var index = 0; index < args.Count; index++)
        {
            var value = index + 1 < args.Count ? args[index + 1] : null;
            switch (args[index])
            {
                case "--module" when value is not null:
                    module = value;
                    index++;
                    break;
                case "--docs" when value is not null:
                    docs = value;
                    index++;
                    break;
                default:
                    throw new HelpGenerationException($"HelpGenerator: error HG0101: unexpected argument '{args[index]}'. {Usage}");
            }
        }

        if (module is null || docs is null)
        {
            throw new HelpGenerationException($"HelpGenerator: error HG0101: {Usage}");
        }

        if (new[] { module, docs }.FirstOrDefault(d => !Directory.Exists(d)) is { } missing)
        {
            throw new HelpGenerationException($"{missing}: error HG0101: folder not found.");
        }

        return new GeneratorOptions(Path.GetFullPath(module), Path.GetFullPath(docs).TrimEnd(Path.DirectorySeparatorChar));
    }
}
