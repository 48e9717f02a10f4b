using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.OpenStack.Manila;

/// <summary>Access-rule look-up and copying (spec §6.3).</summary>
internal static class ManilaAccessRules
{
    /// <summary>
    /// The share's first access rule, or null when it has none (not an error, upstream #93). Only the first one: the
    /// reference copies one rule to restored shares and users may depend on that (spec §12 reproduction 5).
    /// </summary>
    public static async Task<AccessRule?> FirstAsync(ManilaClient client, string shareId, ILogger logger, CancellationToken cancellationToken)
    {
        var rules = await ManilaFailure.WrapAsync(logger, $"failed to list share {shareId} access rules from manila", "share " + shareId,
            () => client.ListAccessRulesAsync(shareId, cancellationToken)).ConfigureAwait(false);

        if (rules.Count == 0)
        {
            logger.LogInformation("cannot find share {ShareID} access rules from manila", shareId);
            return null;
        }

        return rules[0];
    }

    /// <summary>Grants <paramref name="rule"/> on <paramref name="shareId"/>; <paramref name="context"/> starts the error text.</summary>
    public static Task<AccessRule> GrantAsync(ManilaClient client, string shareId, AccessRule rule, string context, ILogger logger, CancellationToken cancellationToken) =>
        ManilaFailure.WrapAsync(logger, context, "share " + shareId, () => client.GrantAccessAsync(shareId, rule, cancellationToken));
}
