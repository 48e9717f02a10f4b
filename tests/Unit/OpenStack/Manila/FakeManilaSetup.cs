using VeleroOpenShift.OpenStack.Auth;
using VeleroOpenShift.OpenStack.Manila;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.Tests.OpenStack.Manila;

/// <summary>A fake cloud with an in-memory Manila and the clouds.yaml of spec §10, and snapshotters initialised against it.</summary>
internal sealed class FakeManilaSetup : IDisposable
{
    private readonly TempDirectory _directory = new();

    public FakeManilaSetup()
    {
        Cloud = new FakeManilaCloud(Api.Handle);
        _directory.Write("clouds.yaml", Cloud.CloudsYaml());
    }

    public FakeManilaApi Api { get; } = new();

    public FakeManilaCloud Cloud { get; }

    public CapturedLogs Logs { get; } = new();

    public string Log => string.Join('\n', Logs.Lines);

    /// <summary>Initialised with <c>cloud: myCloud</c> plus <paramref name="config"/>; names from a seeded generator.</summary>
    public async Task<ManilaVolumeSnapshotter> SnapshotterAsync(Dictionary<string, string>? config = null, params (string Name, string Value)[] environment)
    {
        var snapshotter = Create(environment);
        var full = new Dictionary<string, string>(config ?? []) { ["cloud"] = "myCloud" };
        await snapshotter.InitAsync(full, CancellationToken.None);
        return snapshotter;
    }

    public ManilaVolumeSnapshotter Create(params (string Name, string Value)[] environment) =>
        new(Logs.Factory(), TimeProvider.System, TestEnvironment.Of(environment), new CloudConfigFiles(null, [_directory.Path]), new ResourceNames(new Random(42)));

    public void Dispose()
    {
        Cloud.Dispose();
        _directory.Dispose();
    }
}
