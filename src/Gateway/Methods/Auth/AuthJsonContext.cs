using System.Text.Json.Serialization;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>
/// Source-generated JSON contracts of the <c>auth.*</c> methods, and of Porla's HTTP auth routes
/// (<see cref="AuthEndpoints"/>), which take and answer the same.
/// The options are the same in every method area's context (a test holds them to it): Porla's snake_case, numbers
/// only as JSON numbers, and the info-hash and peer endpoint converters.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)])]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(Credentials))]
[JsonSerializable(typeof(AuthOk))]
[JsonSerializable(typeof(AuthToken))]
[JsonSerializable(typeof(AuthPasswordSetParams))]
[JsonSerializable(typeof(AuthLoginError))]
public sealed partial class AuthJsonContext : JsonSerializerContext;
