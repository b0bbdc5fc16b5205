using TorrentCluster.Cli.Api;
using Xunit;

namespace TorrentCluster.Cli.Tests;

public sealed class GatewayAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:1337/", "http://127.0.0.1:1337")]
    [InlineData("http://localhost:1337", "http://localhost:1337")]
    [InlineData("http://[::1]:1337", "http://[::1]:1337")]
    [InlineData("https://farm.example.org/porla/", "https://farm.example.org/porla")]
    public void Loopback_http_and_any_https_are_taken_with_their_base_path(string url, string expected) =>
        Assert.Equal(expected, GatewayAddress.Parse(url, insecure: false));

    [Fact]
    public void Plain_http_to_another_host_is_refused_unless_insecure()
    {
        var refusal = Assert.Throws<CliException>(() => GatewayAddress.Parse("http://farm.example.org:1337", insecure: false));
        Assert.Contains("--insecure", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, refusal.ExitCode);

        Assert.Equal("http://farm.example.org:1337", GatewayAddress.Parse("http://farm.example.org:1337", insecure: true));
    }

    [Theory]
    [InlineData("farm.example.org")]
    [InlineData("ftp://farm.example.org")]
    public void Not_an_http_url_is_refused(string url) =>
        Assert.Throws<CliException>(() => GatewayAddress.Parse(url, insecure: true));
}
