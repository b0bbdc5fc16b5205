using System.Text;
using TorrentCluster.Cli.Api;
using Xunit;

namespace TorrentCluster.Cli.Tests;

public sealed class TokenExpiryTests
{
    [Fact]
    public void The_exp_claim_is_read_from_the_payload()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"admin\",\"exp\":1795513418}")).TrimEnd('=');
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795513418), TokenExpiry.Of($"e30.{payload}.c2ln"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-jwt")]
    [InlineData("a.%%%.c")]
    [InlineData("e30.e30.c2ln")]
    public void A_token_without_a_readable_expiry_has_none(string token) => Assert.Null(TokenExpiry.Of(token));
}
