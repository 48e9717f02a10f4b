using VeleroOpenShift.PluginShim.Hosting;
using VeleroOpenShift.Velero;

namespace VeleroOpenShift.PluginShim.CommandLine;

/// <summary>
/// The executable run by a person or an init container, not by go-plugin (no magic cookie): a few
/// commands, and for anything else a hint on stderr and exit status 1, as Go plugins behave.
/// </summary>
internal static class ManualUse
{
    public static async Task<int> RunAsync(ShimArguments arguments, PluginCatalog catalogue, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            if (arguments.VersionRequested)
            {
                await stdout.WriteLineAsync($"{InstallCommand.ExecutableName} {ShimVersion.Current}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return 0;
            }

            switch (arguments.Words)
            {
                case ["list"]:
                    foreach (var registration in PluginSelection.FromProcess().Apply(catalogue).Registrations)
                    {
                        await stdout.WriteLineAsync($"{registration.Kind.WireName()}\t{registration.Name}".AsMemory(), cancellationToken).ConfigureAwait(false);
                    }

                    return 0;
                case ["preview", ..]:
                    return await PreviewCommand.RunAsync(arguments.All.SkipWhile(a => a != "preview").Skip(1).ToList(), stdout, stderr, cancellationToken).ConfigureAwait(false);
                case ["install", var directory]:
                    var installed = await InstallCommand.RunAsync(InstallCommand.OwnExecutable(), directory, cancellationToken).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"installed {installed}".AsMemory(), cancellationToken).ConfigureAwait(false);
                    return 0;
                default:
                    await stderr.WriteLineAsync(Usage.AsMemory(), cancellationToken).ConfigureAwait(false);
                    return 1;
            }
        }
        catch (Exception e)
        {
            // A person or an init container reads this; a runtime crash report would only hide the reason.
            await stderr.WriteLineAsync($"{InstallCommand.ExecutableName}: {e.Message}".AsMemory(), CancellationToken.None).ConfigureAwait(false);
            return 1;
        }
    }

    private const string Usage = """
        This binary is a Velero plugin (velero-openshift) and is not meant to be run directly.
        Add its image to Velero instead:  velero plugin add <image>

        Commands for people and init containers:
          velero-openshift --version      print the version
          velero-openshift list           print the plugins it serves (kind and name)
          velero-openshift install DIR    copy this executable to DIR/velero-openshift, mode 0755
          velero-openshift preview --backup FILE.tar.gz --output DIR [options]
                                          show what restoring a backup would create (no cluster needed);
                                          run 'velero-openshift preview --help' for the options

        Environment (set on the Velero deployment):
          VELERO_OPENSHIFT_PLUGINS=openshift,openstack   serve only these families (default: all)
          VELERO_OPENSHIFT_ITEMBLOCKACTION=false         list no ItemBlockAction (Velero 1.14)
        """;
}
