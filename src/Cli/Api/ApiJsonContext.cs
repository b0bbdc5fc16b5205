using System.Text.Json.Serialization;

namespace TorrentCluster.Cli.Api;

internal sealed record LoginRequest(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("password")] string Password);

[JsonSerializable(typeof(LoginRequest))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
