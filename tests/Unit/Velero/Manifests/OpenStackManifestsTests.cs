using VeleroOpenShift.Errors;
using VeleroOpenShift.Velero.Manifests;
using YamlDotNet.RepresentationModel;

namespace VeleroOpenShift.Tests.Velero.Manifests;

public sealed class OpenStackManifestsTests
{
    [Fact]
    public void The_secret_carries_the_variables_as_string_data_in_order_and_reads_back_as_strings()
    {
        var yaml = OpenStackManifests.CredentialSecret("openstack-cloud-credentials", "openshift-adp",
        [
            new("OS_AUTH_URL", "https://keystone.example.com:5000/v3"),
            new("OS_APPLICATION_CREDENTIAL_ID", "0123456789"),
            new("OS_APPLICATION_CREDENTIAL_SECRET", "true"),
            new("OS_REGION_NAME", "RegionOne"),
        ]);

        var root = Parse(yaml);
        Assert.Equal("v1", Scalar(root, "apiVersion").Value);
        Assert.Equal("Secret", Scalar(root, "kind").Value);
        Assert.Equal("openshift-adp", Scalar(Map(root, "metadata"), "namespace").Value);
        var data = Map(root, "stringData");
        Assert.Equal(["OS_AUTH_URL", "OS_APPLICATION_CREDENTIAL_ID", "OS_APPLICATION_CREDENTIAL_SECRET", "OS_REGION_NAME"], data.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        // A digit-only id and a secret spelled like a boolean must stay strings for kubectl.
        Assert.Contains("OS_APPLICATION_CREDENTIAL_ID: \"0123456789\"", yaml, StringComparison.Ordinal);
        Assert.Contains("OS_APPLICATION_CREDENTIAL_SECRET: \"true\"", yaml, StringComparison.Ordinal);
        Assert.Contains("OS_REGION_NAME: RegionOne", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("...", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_the_plugin_does_not_read_or_an_empty_value_is_refused_naming_the_secret()
    {
        var unknown = Assert.Throws<InvalidInputException>(() => OpenStackManifests.CredentialSecret("s", "velero", [new("AWS_SECRET", "x")]));
        Assert.Equal("Secret velero/s: key AWS_SECRET is not a variable the OpenStack plugin reads", unknown.Message);
        var empty = Assert.Throws<InvalidInputException>(() => OpenStackManifests.CredentialSecret("s", "velero", [new("OS_PASSWORD", "")]));
        Assert.Contains("OS_PASSWORD has an empty value", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_storage_location_names_the_provider_container_prefix_and_only_the_config_keys_given()
    {
        var yaml = OpenStackManifests.BackupStorageLocation("default", "velero", "my-swift-container", "/cluster-abc/", null, "RegionOne", isDefault: true);

        var spec = Map(Parse(yaml), "spec");
        Assert.Equal("community.openstack.org/openstack", Scalar(spec, "provider").Value);
        Assert.Equal("my-swift-container", Scalar(Map(spec, "objectStorage"), "bucket").Value);
        Assert.Equal("cluster-abc", Scalar(Map(spec, "objectStorage"), "prefix").Value);
        Assert.Equal("true", Scalar(spec, "default").Value);
        Assert.Equal(["region"], Map(spec, "config").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void A_location_without_config_has_no_config_map()
    {
        var spec = Map(Parse(OpenStackManifests.BackupStorageLocation("b", "velero", "c", null, null, null, isDefault: false)), "spec");
        Assert.False(spec.Children.ContainsKey(new YamlScalarNode("config")));
        Assert.False(spec.Children.ContainsKey(new YamlScalarNode("default")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public void A_container_name_swift_refuses_is_an_error_naming_the_field(string container)
    {
        var failure = Assert.Throws<InvalidInputException>(() => OpenStackManifests.BackupStorageLocation("b", "velero", container, null, null, null, false));
        Assert.StartsWith("BackupStorageLocation velero/b: spec.objectStorage.bucket", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_location_keeps_its_config_as_strings_in_the_order_given()
    {
        var yaml = OpenStackManifests.VolumeSnapshotLocation("cinder", "openshift-adp", "community.openstack.org/openstack-cinder",
            [new("method", "clone"), new("ensureDeleted", "true"), new("volumeTimeout", "10m")]);

        var spec = Map(Parse(yaml), "spec");
        Assert.Equal("community.openstack.org/openstack-cinder", Scalar(spec, "provider").Value);
        Assert.Equal(["method", "ensureDeleted", "volumeTimeout"], Map(spec, "config").Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        // Velero's config is map[string]string: an unquoted true would not even apply.
        Assert.Contains("ensureDeleted: \"true\"", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("community.openstack.org/openstack-cinder", "method", "rsync", "spec.config.method: unsupported \"rsync\" snapshot method")]
    [InlineData("community.openstack.org/openstack-manila", "method", "backup", "spec.config.method: unsupported \"backup\" snapshot method")]
    [InlineData("community.openstack.org/openstack-cinder", "volumeTimeout", "5", "spec.config.volumeTimeout: cannot parse time from volumeTimeout config variable")]
    [InlineData("velero.io/aws", "method", "snapshot", "spec.provider velero.io/aws is not one of this plugin's snapshotters")]
    public void A_config_the_snapshotter_would_refuse_is_refused_with_its_message(string provider, string key, string value, string expected)
    {
        var failure = Assert.Throws<InvalidInputException>(() => OpenStackManifests.VolumeSnapshotLocation("vsl", "velero", provider, [new(key, value)]));
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("VolumeSnapshotLocation velero/vsl: ", failure.Message, StringComparison.Ordinal);
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlScalarNode Scalar(YamlMappingNode node, string key) => (YamlScalarNode)node.Children[new YamlScalarNode(key)];
}
