using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// Source-generated JSON contracts of the <c>sessions.*</c> methods' params and results.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(SessionsListResult))]
[JsonSerializable(typeof(SessionItem))]
[JsonSerializable(typeof(SessionsGetParams))]
[JsonSerializable(typeof(SessionNameParams))]
[JsonSerializable(typeof(SessionsSettingsListParams))]
[JsonSerializable(typeof(SessionsSettingsListResult))]
[JsonSerializable(typeof(SessionsSettingsSetParams))]
public sealed partial class SessionsJsonContext : JsonSerializerContext;
