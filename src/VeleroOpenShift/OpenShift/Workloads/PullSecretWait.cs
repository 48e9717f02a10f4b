using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Cluster;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Workloads;

/// <summary>
/// Waits until the target namespace has a generated <c>default-dockercfg-</c> secret (spec §8.2 step 12),
/// polling every second. Divergence (RECOMMENDED): the five minutes count from the start of waiting, not
/// from the namespace's creation, so a long restore into an old namespace does not fail at once.
/// </summary>
internal sealed class PullSecretWait(IClusterLookups cluster, TimeProvider time)
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The secrets of <paramref name="ns"/> as listed when the generated secret appeared.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitAsync(string ns, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        while (true)
        {
            var secrets = await cluster.ListAsync(ApiResources.Secrets, ns, null, cancellationToken).ConfigureAwait(false);
            if (secrets.Any(s => (ItemFields.GetString(s, "metadata.name", ItemReference.Of(s)) ?? string.Empty)
                    .StartsWith(OpenShiftConstants.DefaultDockercfgSecretPrefix, StringComparison.Ordinal)))
            {
                return secrets;
            }

            if (time.GetUtcNow() - started >= Limit)
            {
                throw new ClusterLookupException(FailureKind.Timeout, ApiResources.Secrets.Describe(ns, null), "default-dockercfg- Secret is not getting created within 5 minutes, exiting");
            }

            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
