using System.Net;
using Microsoft.AspNetCore.Http;
using TorrentCluster.Gateway.Auth;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>Who counts as this machine for <c>auth.init</c>, and which addresses share a login budget.</summary>
public sealed class AuthClientTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:1337", null, true)]
    [InlineData("::1", "[::1]:1337", null, true)]
    [InlineData("127.0.0.1", "localhost", null, true)]
    [InlineData("127.0.0.1", "127.0.0.1:1337", "X-Forwarded-For", false)]
    [InlineData("127.0.0.1", "127.0.0.1:1337", "Forwarded", false)]
    [InlineData("127.0.0.1", "torrents.example.org", null, false)]
    [InlineData("192.0.2.10", "127.0.0.1:1337", null, false)]
    [InlineData("::ffff:192.0.2.10", "127.0.0.1:1337", null, false)]
    public void A_client_is_local_only_on_loopback_unforwarded_and_asking_for_a_loopback_host(string remote, string host, string? forwardedHeader, bool local)
    {
        var context = Request(remote, host);
        if (forwardedHeader is not null)
        {
            context.Request.Headers[forwardedHeader] = "for=192.0.2.10";
        }

        Assert.Equal(local, AuthClient.From(context).IsLoopback);
    }

    [Fact]
    public void Addresses_of_one_ipv6_64_share_a_budget_and_ipv4_mapped_addresses_count_as_ipv4()
    {
        Assert.Equal(AuthClient.From(Request("2001:db8:1:2::1", "h")).AddressKey, AuthClient.From(Request("2001:db8:1:2:ffff::9", "h")).AddressKey);
        Assert.NotEqual(AuthClient.From(Request("2001:db8:1:2::1", "h")).AddressKey, AuthClient.From(Request("2001:db8:1:3::1", "h")).AddressKey);
        Assert.Equal(AuthClient.From(Request("192.0.2.10", "h")).AddressKey, AuthClient.From(Request("::ffff:192.0.2.10", "h")).AddressKey);
        Assert.NotEqual(AuthClient.From(Request("192.0.2.10", "h")).AddressKey, AuthClient.From(Request("192.0.2.11", "h")).AddressKey);
    }

    private static DefaultHttpContext Request(string remote, string host)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Host = new HostString(host);
        return context;
    }
}
