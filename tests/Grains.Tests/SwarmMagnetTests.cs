using TorrentCluster.Grains.Torrents;
using Xunit;

namespace TorrentCluster.Grains.Tests;

public sealed class SwarmMagnetTests
{
    private const string V1 = "xt=urn:btih:0123456789abcdef0123456789abcdef01234567";
    private const string V2 = "xt=urn:btmh:12200123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_magnet_link_within_the_bound_is_kept_as_it_is()
    {
        var magnet = $"magnet:?{V1}&{V2}&dn=name&tr=http%3a%2f%2f127.0.0.1%3a1%2fannounce";
        Assert.Same(magnet, SwarmMagnet.Bound(magnet));
    }

    [Fact]
    public void A_long_magnet_link_keeps_both_hashes_and_what_fits_in_order()
    {
        var trackers = Enumerable.Range(0, 200).Select(i => $"tr=http%3a%2f%2ftracker-{i:000}.example%2fannounce").ToList();
        var magnet = $"magnet:?{V1}&dn=name&{string.Join('&', trackers)}&{V2}&ws=http%3a%2f%2fseed.example%2f";

        var bounded = SwarmMagnet.Bound(magnet);

        Assert.True(bounded.Length <= SwarmMagnet.MaxLength, $"{bounded.Length} characters");
        var parameters = bounded["magnet:?".Length..].Split('&');
        Assert.Equal([V1, V2, "dn=name"], parameters.Take(3));
        var kept = parameters.Skip(3).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(trackers.Take(kept.Count), kept.Where(parameter => parameter.StartsWith("tr=", StringComparison.Ordinal)));
    }
}
