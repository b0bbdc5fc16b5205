using System.Text.Json.Serialization;

namespace TorrentCluster.Gateway.Auth;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SystemStatus))]
internal sealed partial class SystemStatusJsonContext : JsonSerializerContext;
