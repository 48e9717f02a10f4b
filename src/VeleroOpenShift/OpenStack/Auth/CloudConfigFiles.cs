namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// Where clouds.yaml, clouds-public.yaml and secure.yaml are looked for (spec §3.2): the working directory, then
/// <c>~/.config/openstack</c>, then <c>/etc/openstack</c>; <c>.yaml</c> everywhere before <c>.yml</c> anywhere.
/// </summary>
internal sealed class CloudConfigFiles
{
    private readonly IReadOnlyList<string> _directories;
    private readonly string? _explicitCloudsFile;

    public CloudConfigFiles(string? explicitCloudsFile, IReadOnlyList<string> directories)
    {
        _explicitCloudsFile = explicitCloudsFile;
        _directories = directories;
    }

    public static CloudConfigFiles FromEnvironment(EnvironmentVariables environment)
    {
        var home = environment.Get("HOME");
        var directories = new List<string> { Directory.GetCurrentDirectory() };
        if (!string.IsNullOrEmpty(home))
        {
            directories.Add(Path.Combine(home, ".config", "openstack"));
        }

        directories.Add("/etc/openstack");
        return new CloudConfigFiles(environment.Get("OS_CLIENT_CONFIG_FILE"), directories);
    }

    public string? FindClouds()
    {
        if (!string.IsNullOrEmpty(_explicitCloudsFile) && File.Exists(_explicitCloudsFile))
        {
            return _explicitCloudsFile;
        }

        return Find("clouds");
    }

    public string? FindPublicClouds() => Find("clouds-public");

    public string? FindSecure() => Find("secure");

    private string? Find(string baseName) =>
        new[] { ".yaml", ".yml" }
            .SelectMany(extension => _directories.Select(directory => Path.Combine(directory, baseName + extension)))
            .FirstOrDefault(File.Exists);
}
