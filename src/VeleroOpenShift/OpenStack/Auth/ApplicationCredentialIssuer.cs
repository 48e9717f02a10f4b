using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenStack.Http;

namespace VeleroOpenShift.OpenStack.Auth;

/// <summary>
/// Creates Keystone application credentials for the user the given credentials authenticate as, in the project they
/// are scoped to: the credential type the OpenStack docs recommend for services such as Velero, since it can be
/// limited in roles and lifetime and revoked without touching the user's password.
/// </summary>
public static class ApplicationCredentialIssuer
{
    private static readonly int[] Created = [201];

    /// <summary>Authenticates as the plugin would (<paramref name="cloud"/> names a clouds.yaml entry, else OS_* values) and creates the credential.</summary>
    public static async Task<IssuedApplicationCredential> CreateAsync(
        string? cloud,
        Func<string, string?> environmentVariable,
        ApplicationCredentialRequest request,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger(typeof(ApplicationCredentialIssuer));
        var environment = new EnvironmentVariables(environmentVariable);
        using var connection = await IdentityConnection.AuthenticateAsync(
            "identity", cloud, environment, CloudConfigFiles.FromEnvironment(environment), time, loggerFactory, "failed to authenticate against OpenStack", cancellationToken).ConfigureAwait(false);
        var token = await connection.Session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var identity = token.Identity
            ?? throw new OpenStackException(FailureKind.NotSupported, connection.Session.IdentityEndpoint.ToString(), "application credentials need Keystone v3 authentication; these credentials use Swift v1 auth");

        var body = new ApplicationCredentialCreateRequest(new ApplicationCredentialCreate(
            request.Name,
            request.Description,
            request.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            request.Roles.Count == 0 ? null : [.. request.Roles.Select(role => new NameOrId(null, role))],
            request.Unrestricted ? true : null));
        var url = new Uri(identity.V3Endpoint, $"users/{Uri.EscapeDataString(identity.UserId)}/application_credentials");
        var call = new OpenStackRequest(HttpMethod.Post, url, new BufferedBody(JsonSerializer.SerializeToUtf8Bytes(body, OpenStackJsonContext.Default.ApplicationCredentialCreateRequest)));
        call.Headers["Content-Type"] = "application/json";
        using var response = await connection.Session.SendAsync(connection.Http, call, () => { }, cancellationToken).ConfigureAwait(false);
        await HttpResponses.EnsureAsync(response, Created, cancellationToken, $"application credential {request.Name}").ConfigureAwait(false);
        var made = (await response.Content.ReadFromJsonAsync(OpenStackJsonContext.Default.ApplicationCredentialCreateResponse, cancellationToken).ConfigureAwait(false))?.ApplicationCredential;
        if (made is not { Id.Length: > 0, Secret.Length: > 0 })
        {
            throw new OpenStackException(FailureKind.RemoteFailure, $"application credential {request.Name}", "Keystone created the application credential but its answer has no id or secret");
        }

        logger.LogInformation("Created application credential {Name} ({Id}) for user {UserId}", made.Name ?? request.Name, made.Id, identity.UserId);
        return new IssuedApplicationCredential(made.Id, made.Name ?? request.Name, made.Secret, made.ProjectId ?? identity.ProjectId, made.ExpiresAt,
            [.. (made.Roles ?? []).Select(role => role.Name ?? role.Id ?? "")], identity.V3Endpoint);
    }
}
