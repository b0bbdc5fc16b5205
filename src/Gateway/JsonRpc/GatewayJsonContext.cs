using System.Text.Json.Serialization;
using TorrentCluster.Gateway.Methods.Cluster;
using TorrentCluster.Gateway.Methods.Fleet;
using TorrentCluster.Gateway.Methods.Torrents;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Source-generated JSON contracts of every method's params and result: no reflection on the hot path, names in
/// Porla's snake_case.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(InfoHashParams))]
[JsonSerializable(typeof(TorrentsAddParams))]
[JsonSerializable(typeof(TorrentsAddResult))]
[JsonSerializable(typeof(TorrentsListParams))]
[JsonSerializable(typeof(TorrentsListResult))]
[JsonSerializable(typeof(TorrentsRemoveParams))]
[JsonSerializable(typeof(TorrentsPeersListParams))]
[JsonSerializable(typeof(TorrentsPeersListResult))]
[JsonSerializable(typeof(TorrentsPeersListManyResult))]
[JsonSerializable(typeof(FleetPeersListParams))]
[JsonSerializable(typeof(FleetPeersListResult))]
[JsonSerializable(typeof(FleetPeersSummaryParams))]
[JsonSerializable(typeof(FleetPeersSummaryResult))]
[JsonSerializable(typeof(FleetStatsResult))]
[JsonSerializable(typeof(TorrentsPeersAddParams))]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(ClusterSilosListResult))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
