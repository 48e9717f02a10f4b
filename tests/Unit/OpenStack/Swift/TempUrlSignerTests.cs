using System.Security.Cryptography;
using System.Text;
using VeleroOpenShift.OpenStack;
using VeleroOpenShift.OpenStack.Swift;

namespace VeleroOpenShift.Tests.OpenStack.Swift;

public sealed class TempUrlSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_699_999_000);

    private static string Expected(Func<byte[], byte[], byte[]> hmac) =>
        Convert.ToHexStringLower(hmac(Encoding.UTF8.GetBytes("secretkey"), Encoding.UTF8.GetBytes("GET\n1700000000\n/v1/AUTH_test/c/o")));

    [Theory]
    [InlineData("")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public void Signs_the_spec_fixture_with_each_digest(string digest)
    {
        var url = TempUrlSigner.Sign(new Uri("http://swift/v1/AUTH_test/c/o"), "http://swift/v1/AUTH_test/c/o", TimeSpan.FromSeconds(1000.9), "secretkey", digest, Now);

        Func<byte[], byte[], byte[]> hmac = digest switch
        {
            "sha256" => HMACSHA256.HashData,
            "sha512" => HMACSHA512.HashData,
            _ => HMACSHA1.HashData,
        };
        Assert.Equal($"http://swift/v1/AUTH_test/c/o?temp_url_sig={Expected(hmac)}&temp_url_expires=1700000000", url);
    }

    [Fact]
    public void Signs_the_unescaped_path_but_returns_the_escaped_url()
    {
        var url = TempUrlSigner.Sign(new Uri("http://swift/v1/AUTH_test/c/a%2Fb"), "http://swift/v1/AUTH_test/c/a/b", TimeSpan.FromSeconds(1000), "k", "sha256", Now);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData("k"u8, "GET\n1700000000\n/v1/AUTH_test/c/a/b"u8));

        Assert.Equal($"http://swift/v1/AUTH_test/c/a%2Fb?temp_url_sig={signature}&temp_url_expires=1700000000", url);
    }

    [Fact]
    public void Signs_the_method_asked_for()
    {
        var url = TempUrlSigner.Sign(new Uri("http://swift/v1/AUTH_test/c/o"), "http://swift/v1/AUTH_test/c/o", TimeSpan.FromSeconds(1000), "k", "sha1", Now, "PUT");
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData("k"u8, "PUT\n1700000000\n/v1/AUTH_test/c/o"u8));

        Assert.Equal($"http://swift/v1/AUTH_test/c/o?temp_url_sig={signature}&temp_url_expires=1700000000", url);
    }

    [Fact]
    public void Refuses_unknown_digests_and_urls_without_v1()
    {
        Assert.Equal("The requested \"md5\" digest is not supported.", Assert.Throws<OpenStackException>(() => TempUrlSigner.Sign(new Uri("http://s/v1/a/c/o"), "http://s/v1/a/c/o", TimeSpan.Zero, "k", "md5", Now)).Message);
        Assert.Equal("URL prefix \"/v1/\" not found", Assert.Throws<OpenStackException>(() => TempUrlSigner.Sign(new Uri("http://s/v2/a/c/o"), "http://s/v2/a/c/o", TimeSpan.Zero, "k", "", Now)).Message);
    }
}
