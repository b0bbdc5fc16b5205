using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Fleet;

/// <summary>
/// <c>fleet.peers.summary</c>: the fleet's connections added up, in total and by client, address, torrent or
/// silo; top N groups by connections (then download speed). Each silo adds up its own peers; only the groups
/// cross the wire.
/// </summary>
public sealed class FleetPeersSummary(SiloDirectory silos) : JsonRpcMethod<FleetPeersSummaryParams>
{
    public override string Name => "fleet.peers.summary";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<FleetPeersSummaryParams> ParamsType => FleetJsonContext.Default.FleetPeersSummaryParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(FleetPeersSummaryParams parameters, CancellationToken cancellationToken)
    {
        var groupBy = parameters.GroupBy ?? PeerGroupings.NameOf(PeerGrouping.Client);
        if (!PeerGroupings.TryParse(groupBy, out var grouping))
        {
            throw JsonRpcException.InvalidParams($"'group_by' is one of {string.Join(", ", PeerGroupings.Names)}");
        }

        var top = parameters.Top ?? 10;
        if (top < 1)
        {
            throw JsonRpcException.InvalidParams("'top' must be 1 or more");
        }

        var parts = await Task.WhenAll((await silos.GetActiveAsync()).Select(silo => silo.SummarizePeersAsync(grouping)));
        var summary = PeerAggregation.Merge(parts);
        var groups = summary.Groups
            .OrderByDescending(group => group.Connections)
            .ThenByDescending(group => group.DownSpeed)
            .ThenBy(group => group.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(GroupItem.From)
            .ToList();
        return JsonRpcResult.Of(
            new FleetPeersSummaryResult(groupBy, GroupItem.From(summary.Total), groups, summary.Groups.Count),
            FleetJsonContext.Default.FleetPeersSummaryResult);
    }
}

/// <summary><c>fleet.peers.summary</c> parameters.</summary>
public sealed record FleetPeersSummaryParams
{
    public string? GroupBy { get; init; }
    public int? Top { get; init; }
}

/// <summary><c>fleet.peers.summary</c> result: totals, the top groups and how many groups there are.</summary>
public sealed record FleetPeersSummaryResult(string GroupBy, GroupItem Totals, IReadOnlyList<GroupItem> Groups, int GroupsTotal);

/// <summary>One group: connections, distinct peer addresses, summed speeds (bytes/s) and totals (bytes).</summary>
public sealed record GroupItem(string Key, int Connections, int DistinctIps, long DownSpeed, long UpSpeed, long TotalDownload, long TotalUpload)
{
    public static GroupItem From(PeerGroup group) =>
        new(group.Key, group.Connections, group.Ips.Count, group.DownSpeed, group.UpSpeed, group.TotalDownload, group.TotalUpload);
}
