using System.Text.Json.Nodes;
using VeleroOpenShift.Errors;
using VeleroOpenShift.Kube;
using VeleroOpenShift.OpenShift.Common;

namespace VeleroOpenShift.OpenShift.Cluster;

/// <summary>
/// A Velero BackupStorageLocation with its credential secret resolved (spec §3.4): <c>spec.credential</c>
/// when set, otherwise OADP's default secret for the provider; an empty name or key falls back per field.
/// </summary>
public sealed record BackupStorageLocation(JsonObject Json, string Name, string Namespace, string Provider, string? CredentialSecretName, string? CredentialKey)
{
    public static BackupStorageLocation FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reference = ItemReference.Of(json);
        var provider = ItemFields.GetString(json, "spec.provider", reference) ?? string.Empty;
        var (defaultName, defaultKey) = provider switch
        {
            "aws" => ("cloud-credentials", "cloud"),
            "gcp" => ("cloud-credentials-gcp", "cloud"),
            "azure" => ("cloud-credentials-azure", "cloud"),
            _ => ((string?)null, (string?)null),
        };
        var name = ItemFields.GetString(json, "spec.credential.name", reference);
        var key = ItemFields.GetString(json, "spec.credential.key", reference);
        return new BackupStorageLocation(
            json,
            ItemFields.GetString(json, "metadata.name", reference) ?? throw new InvalidItemException(reference, "metadata.name", "is required"),
            ItemFields.GetString(json, "metadata.namespace", reference) ?? string.Empty,
            provider,
            string.IsNullOrEmpty(name) ? defaultName : name,
            string.IsNullOrEmpty(key) ? defaultKey : key);
    }

    /// <summary>Where the Velero server writes the credential: <c>/tmp/credentials/&lt;ns&gt;/&lt;secret&gt;-&lt;key&gt;</c>.</summary>
    public string CredentialsFilePath =>
        CredentialSecretName is null || CredentialKey is null
            ? throw new InvalidConfigurationException($"BackupStorageLocation {Namespace}/{Name}", $"has no credential and provider '{Provider}' has no default credential secret")
            : $"{OpenShiftConstants.CredentialsDirectory}/{Namespace}/{CredentialSecretName}-{CredentialKey}";

    /// <summary>The secret the image registry reads its keys from: <c>oadp-&lt;bsl&gt;-&lt;provider&gt;-registry-secret</c>.</summary>
    public string RegistrySecretName => OpenShiftConstants.RegistrySecretName(Name, Provider);
}
