using System.Text.Json.Serialization;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.Methods.Cluster;
using TorrentCluster.Gateway.Methods.Fleet;
using TorrentCluster.Gateway.Methods.Presets;
using TorrentCluster.Gateway.Methods.Sessions;
using TorrentCluster.Gateway.Methods.Sys;
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
[JsonSerializable(typeof(SessionsListResult))]
[JsonSerializable(typeof(SessionItem))]
[JsonSerializable(typeof(SessionsGetParams))]
[JsonSerializable(typeof(SessionNameParams))]
[JsonSerializable(typeof(SessionsSettingsListParams))]
[JsonSerializable(typeof(SessionsSettingsListResult))]
[JsonSerializable(typeof(SessionsSettingsSetParams))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, PresetItem>))]
[JsonSerializable(typeof(PresetsSetParams))]
[JsonSerializable(typeof(PresetsRemoveParams))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>))]
[JsonSerializable(typeof(FsSpaceParams))]
[JsonSerializable(typeof(FsSpaceResult))]
[JsonSerializable(typeof(Credentials))]
[JsonSerializable(typeof(AuthOk))]
[JsonSerializable(typeof(AuthToken))]
[JsonSerializable(typeof(AuthPasswordSetParams))]
[JsonSerializable(typeof(AuthLoginError))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
