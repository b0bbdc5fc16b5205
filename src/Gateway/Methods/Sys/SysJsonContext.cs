using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sys;

/// <summary>
/// Source-generated JSON contracts of <c>sys.versions</c> and <c>fs.space</c>.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>))]
[JsonSerializable(typeof(FsSpaceParams))]
[JsonSerializable(typeof(FsSpaceResult))]
public sealed partial class SysJsonContext : JsonSerializerContext;
