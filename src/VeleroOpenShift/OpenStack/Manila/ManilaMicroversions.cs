using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Volumes;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Which microversion the snapshotter speaks (spec §6.2): 2.7 at least, 2.45 when offered, 2.56 for enforceAZ.</summary>
internal static class ManilaMicroversions
{
    /// <summary>The first with the action names without "os-" that the snapshotter sends.</summary>
    public static readonly Microversion Minimum = new(2, 7);

    /// <summary>Share replicas no longer experimental: needed to move shares between availability zones.</summary>
    public static readonly Microversion ReplicaPromotion = new(2, 56);

    /// <summary>Sets the client's microversion and returns it.</summary>
    public static async Task<Microversion> NegotiateAsync(ManilaClient client, bool enforceAz, ILogger logger, CancellationToken cancellationToken)
    {
        client.Microversion = Minimum;
        string max;
        try
        {
            max = await client.GetMaxMicroversionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is VeleroOpenShiftException or HttpRequestException)
        {
            logger.LogWarning("Failed to obtain supported Manila microversions (using the default one: {Microversion}): {Error}", Minimum, e.Message);
            return Minimum;
        }

        var chosen = enforceAz ? RequireReplicaPromotion(max) : PreferAccessRulesResource(max, logger);
        client.Microversion = chosen;
        logger.LogDebug("Setting the supported {Microversion} microversion", chosen);
        return chosen;
    }

    private static Microversion RequireReplicaPromotion(string max)
    {
        Microversion offered;
        try
        {
            offered = Microversion.Parse(max);
        }
        catch (OpenStackException e)
        {
            throw OpenStackException.Wrap("failed to compare supported Manila microversions", e, "enforceAZ");
        }

        return ReplicaPromotion.IsAtMost(offered)
            ? ReplicaPromotion
            : throw new OpenStackException(FailureKind.NotSupported, "enforceAZ", "enforceAZ config option is not supported in your environment");
    }

    private static Microversion PreferAccessRulesResource(string max, ILogger logger)
    {
        try
        {
            return ManilaClient.AccessRulesResource.IsAtMost(Microversion.Parse(max)) ? ManilaClient.AccessRulesResource : Minimum;
        }
        catch (OpenStackException e)
        {
            logger.LogWarning("Failed to compare supported Manila microversions (using the default one: {Microversion}): {Error}", Minimum, e.Message);
            return Minimum;
        }
    }
}
