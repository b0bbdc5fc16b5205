using Orleans.Runtime;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// The gateway makes torrent grain references from the grain type it resolved once, not through Orleans' per-call
/// lookup: they must be the references Orleans makes, reach the same activation, and find the torrent.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class TorrentReferenceTests(ApiCluster api)
{
    [Fact]
    public async Task A_reference_from_the_resolved_type_is_the_one_orleans_makes_and_reaches_the_torrent()
    {
        var (ti, folder) = api.MakeTorrent("reference", 100_000, seed: 31);
        var v1 = await api.AddAsync(new { ti, save_path = folder });
        var grains = new StringKeyedGrains<ITorrentGrain>(api.Cluster.Client);

        foreach (var key in new[] { v1, "0123456789abcdef0123456789abcdef01234567", v1 })
        {
            var ours = (GrainReference)(object)grains.Get(key);
            var orleans = (GrainReference)(object)api.Cluster.Client.GetGrain<ITorrentGrain>(key);
            Assert.Equal(orleans.GrainId, ours.GrainId);
            Assert.Equal(orleans.InterfaceType, ours.InterfaceType);
        }

        var summary = await grains.Get(v1).GetSummaryAsync();
        Assert.Equal(v1, summary.InfoHash.V1);
        Assert.Equal(summary.Silo, (await grains.Get(v1).GetPeersAsync()).Silo);
    }

    [Fact]
    public void A_key_that_no_grain_can_have_is_refused_as_orleans_refuses_it()
    {
        var grains = new StringKeyedGrains<ITorrentGrain>(api.Cluster.Client);

        Assert.ThrowsAny<ArgumentException>(() => grains.Get(" "));
        Assert.ThrowsAny<ArgumentException>(() => api.Cluster.Client.GetGrain<ITorrentGrain>(" "));
    }
}
