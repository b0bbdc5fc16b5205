using System.Text.Json.Serialization;

namespace TorrentCluster.Cli.Config;

/// <summary>One gateway and the token <c>tcctl login</c> got from it.</summary>
internal sealed record CliContext
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The gateway's address with its base path, without a trailing slash.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    [JsonPropertyName("username")]
    public required string Username { get; init; }

    [JsonPropertyName("token")]
    public required string Token { get; init; }

    /// <summary>Set when the operator accepted plain HTTP to a host that is not this machine.</summary>
    [JsonPropertyName("insecure")]
    public bool Insecure { get; init; }
}
