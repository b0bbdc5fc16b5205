using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Cluster;

/// <summary>
/// Source-generated JSON contracts of the <c>cluster.*</c> methods' params and results.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(ClusterSilosListResult))]
public sealed partial class ClusterJsonContext : JsonSerializerContext;
