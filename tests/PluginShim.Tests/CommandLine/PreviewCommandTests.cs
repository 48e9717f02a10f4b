using System.Text.Json.Nodes;
using VeleroOpenShift.PluginShim.CommandLine;
using VeleroOpenShift.PluginShim.Tests.Infrastructure;
using Xunit;

namespace VeleroOpenShift.PluginShim.Tests.CommandLine;

/// <summary>The README's main job: the restore preview of the bundled sample backup.</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("preview-cli-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static string Example(string name) => Path.Combine(RepositoryPaths.Root, "examples", name);

    private async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await PreviewCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Previews_the_sample_backup_into_the_mapped_namespace_with_every_action_succeeding()
    {
        var (exit, stdout, stderr) = await Run(
            "--backup", Example("openshift-shop-backup.tar.gz"),
            "--output", _output,
            "--namespace-mapping", "shop=shop-restored",
            "--cluster-objects", Example("target-cluster"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Matches(@"TOTAL\s+28\s+14\s+8\s+1\s+0", stdout);
        Assert.Matches(@"Pod\s+3\s+3\s+2\s+0\s+0", stdout);
        var pod = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "shop-restored", "pods", "frontend-1-x7k2p.json")))!;
        Assert.Equal("default-dockercfg-9vwtz", (string?)pod["spec"]!["imagePullSecrets"]![0]!["name"]);
        Assert.StartsWith("image-registry.openshift-image-registry.svc:5000/shop-restored/frontend@", (string?)pod["spec"]!["containers"]![0]!["image"], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "_cluster", "namespaces", "shop-restored.json")));
    }

    [Fact]
    public async Task Without_target_cluster_facts_the_items_that_need_them_fail_and_are_named()
    {
        var (exit, stdout, stderr) = await Run("--backup", Example("openshift-shop-backup.tar.gz"), "--output", _output, "--namespace-mapping=shop=shop-restored");

        Assert.Equal(0, exit);
        Assert.Matches(@"TOTAL\s+\d+\s+\d+\s+\d+\s+1\s+4", stdout);
        Assert.Contains("failed: BuildConfig/shop/frontend", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--output", "x")]
    [InlineData("--backup", "b.tar.gz")]
    [InlineData("--backup", "b.tar.gz", "--output", "x", "--namespace-mapping", "shop")]
    [InlineData("--backup", "b.tar.gz", "--output", "x", "--workflow", "other")]
    [InlineData("--backup", "b.tar.gz", "--output", "x", "--surprise")]
    public async Task Bad_options_exit_2_with_the_reason_and_the_help(params string[] args)
    {
        var (exit, _, stderr) = await Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("velero-openshift preview: ", stderr, StringComparison.Ordinal);
        Assert.Contains("--cluster-objects PATH", stderr, StringComparison.Ordinal);
    }
}
