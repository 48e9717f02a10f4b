using VeleroOpenShift.Errors;
using VeleroOpenShift.OpenShift.Cluster;

namespace VeleroOpenShift.Tests.OpenShift.Cluster;

/// <summary>BSL credential resolution (spec §3.4), with the file paths of the upstream cases in §13.7.</summary>
public sealed class BackupStorageLocationTests
{
    private static async Task<BackupStorageLocation> LoadAsync(string spec)
    {
        var cluster = FixtureRunner.BuildCluster(Json.O($"{{'objects':[{{'apiVersion':'velero.io/v1','kind':'BackupStorageLocation','metadata':{{'name':'test-bsl','namespace':'test-ns'}},'spec':{spec}}}]}}"));
        return await cluster.GetBackupStorageLocationAsync("test-ns", "test-bsl", CancellationToken.None);
    }

    [Fact]
    public async Task UpstreamStsCaseUsesTheGivenCredential()
    {
        var bsl = await LoadAsync("{'provider':'aws','objectStorage':{'bucket':'aws-bucket'},'config':{'region':'aws-region','enableSharedConfig':'true'},'credential':{'name':'cloud-credentials-sts','key':'cloud'}}");
        Assert.Equal("/tmp/credentials/test-ns/cloud-credentials-sts-cloud", bsl.CredentialsFilePath);
        Assert.Equal("oadp-test-bsl-aws-registry-secret", bsl.RegistrySecretName);
    }

    [Fact]
    public async Task UpstreamGcpCaseUsesTheProviderDefault() =>
        Assert.Equal("/tmp/credentials/test-ns/cloud-credentials-gcp-cloud", (await LoadAsync("{'provider':'gcp','objectStorage':{'bucket':'gcp-bucket'}}")).CredentialsFilePath);

    [Theory]
    [InlineData("{'provider':'azure','credential':{'name':'','key':'k'}}", "cloud-credentials-azure", "k")]
    [InlineData("{'provider':'aws','credential':{'name':'mine','key':''}}", "mine", "cloud")]
    [InlineData("{'provider':'aws'}", "cloud-credentials", "cloud")]
    public async Task EmptyCredentialFieldsFallBackPerField(string spec, string name, string key)
    {
        var bsl = await LoadAsync(spec);
        Assert.Equal((name, key), (bsl.CredentialSecretName, bsl.CredentialKey));
    }

    [Fact]
    public async Task AnUnknownProviderWithoutCredentialHasNoFile()
    {
        var bsl = await LoadAsync("{'provider':'openstack'}");
        Assert.Throws<InvalidConfigurationException>(() => bsl.CredentialsFilePath);
    }

    [Fact]
    public async Task AMissingLocationIsNotFound()
    {
        var error = await Assert.ThrowsAsync<ClusterLookupException>(() => new OfflineClusterLookups().GetBackupStorageLocationAsync("test-ns", "nope", CancellationToken.None));
        Assert.True(error.IsNotFound);
    }
}
