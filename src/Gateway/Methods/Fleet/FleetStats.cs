using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Fleet;

/// <summary>
/// <c>fleet.stats</c>: the fleet's payload rates, connected peers and torrents by state, per silo and in total,
/// with each silo's last hour in one-minute buckets (for plots).
/// </summary>
public sealed class FleetStats(SiloDirectory silos) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "fleet.stats";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => FleetJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var stats = await Task.WhenAll((await silos.GetActiveAsync()).Select(silo => silo.GetStatsAsync()));
        var byState = stats.SelectMany(silo => silo.TorrentsByState)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value), StringComparer.Ordinal);
        return JsonRpcResult.Of(
            new FleetStatsResult(
                stats.Sum(silo => silo.DownloadRate),
                stats.Sum(silo => silo.UploadRate),
                stats.Sum(silo => silo.Peers),
                byState,
                [.. stats.OrderBy(silo => silo.Silo, StringComparer.Ordinal).Select(SiloStatsItem.From)]),
            FleetJsonContext.Default.FleetStatsResult);
    }
}

/// <summary><c>fleet.stats</c> result.</summary>
public sealed record FleetStatsResult(long DownloadRate, long UploadRate, long Peers, IReadOnlyDictionary<string, int> TorrentsByState, IReadOnlyList<SiloStatsItem> Silos);

/// <summary>One silo's traffic and history.</summary>
public sealed record SiloStatsItem(string Name, long DownloadRate, long UploadRate, long Peers, IReadOnlyDictionary<string, int> TorrentsByState, IReadOnlyList<StatsBucketItem> History)
{
    public static SiloStatsItem From(SiloStats silo) => new(
        silo.Silo, silo.DownloadRate, silo.UploadRate, silo.Peers, silo.TorrentsByState,
        [.. silo.History.Select(bucket => new StatsBucketItem(bucket.Minute, bucket.DownloadRate, bucket.UploadRate, bucket.Peers))]);
}

/// <summary>One minute: average payload rates and connected peers.</summary>
public sealed record StatsBucketItem(DateTimeOffset Minute, long DownloadRate, long UploadRate, long Peers);
