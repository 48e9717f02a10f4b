using VeleroOpenShift.HelpGenerator;
using VeleroOpenShift.HelpGenerator.Metadata;

try
{
    var options = GeneratorOptions.Parse(args);
    var manifest = Directory.GetFiles(options.ModuleDirectory, "*.psd1") switch
    {
        [var single] => single,
        var found => throw new HelpGenerationException(
            $"{options.ModuleDirectory}: error HG0102: expected one module manifest (*.psd1), found {found.Length}."),
    };

    var diagnostics = new List<HelpDiagnostic>();
    var sources = HelpSources.Load(options.DocsDirectory, ModuleMetadataReader.Read(manifest), diagnostics);
    if (diagnostics.Count > 0)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        Console.Error.WriteLine($"HelpGenerator: {diagnostics.Count} help error(s); no help was written.");
        return 1;
    }

    foreach (var file in HelpOutputWriter.Write(options.ModuleDirectory, options.Culture, sources))
    {
        Console.WriteLine($"HelpGenerator: wrote {file}");
    }

    return 0;
}
catch (HelpGenerationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
