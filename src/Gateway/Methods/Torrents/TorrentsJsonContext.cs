using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// Source-generated JSON contracts of the <c>torrents.*</c> methods' params and results.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
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
[JsonSerializable(typeof(TorrentsPeersAddParams))]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(TorrentListItem))]
[JsonSerializable(typeof(TorrentsCountParams))]
[JsonSerializable(typeof(TorrentsCountResult))]
[JsonSerializable(typeof(TorrentsMoveParams))]
[JsonSerializable(typeof(TorrentsFilesListResult))]
[JsonSerializable(typeof(TorrentsFilesProgressResult))]
[JsonSerializable(typeof(TorrentsPiecesGetResult))]
[JsonSerializable(typeof(TorrentsTrackersListResult))]
[JsonSerializable(typeof(TorrentsPropertiesGetResult))]
[JsonSerializable(typeof(TorrentsPropertiesSetParams))]
[JsonSerializable(typeof(TorrentsMetadataListResult))]
[JsonSerializable(typeof(TorrentsOverviewResult))]
public sealed partial class TorrentsJsonContext : JsonSerializerContext;
