using System.Management.Automation;
using VeleroOpenShift.Cmdlets.Infrastructure;
using VeleroOpenShift.Cmdlets.Output;

namespace VeleroOpenShift.Cmdlets.Commands.OpenStack;

/// <summary>
/// Signs a Temp URL for an object, as the plugin does for Velero's download requests, with the key of
/// OS_SWIFT_TEMP_URL_KEY, the container or the account. Handing out access is a change worth -WhatIf.
/// </summary>
[Cmdlet(VerbsCommon.New, "SwiftTempUrl", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SwiftTempUrl))]
public sealed class NewSwiftTempUrlCommand : SwiftCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Container { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateSet("GET", "HEAD", "PUT", "POST", "DELETE")]
    public string Method { get; set; } = "GET";

    [Parameter]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The HMAC digest; by default OS_SWIFT_TEMP_URL_DIGEST, else sha1 as in the reference plugin.</summary>
    [Parameter]
    [ValidateSet("sha1", "sha256", "sha512")]
    public string? Digest { get; set; }

    protected override void BeginProcessing()
    {
        if (TimeToLive <= TimeSpan.Zero)
        {
            ThrowFailure(new PSArgumentOutOfRangeException(nameof(TimeToLive), TimeToLive, "-TimeToLive must be positive."), TimeToLive);
        }
    }

    protected override void ProcessRecord()
    {
        var target = $"{Container}/{Name}";
        if (!ShouldProcess(target, $"Create a Temp URL for {Method} valid for {TimeToLive}"))
        {
            return;
        }

        var account = Account;
        RunForItem(target, async cancellationToken =>
        {
            var expiresAt = Services.Time.GetUtcNow() + TimeToLive;
            var url = await account.CreateTempUrlAsync(Container, Name, Method, TimeToLive, Digest?.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
            Pipeline.WriteObject(new SwiftTempUrl(Container, Name, Method, new Uri(url), expiresAt));
        });
    }
}
