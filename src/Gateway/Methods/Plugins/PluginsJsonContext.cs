using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Plugins;

/// <summary>
/// Source-generated JSON contracts of the <c>plugins.*</c> methods' params and results.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(PluginsListResult))]
public sealed partial class PluginsJsonContext : JsonSerializerContext;
