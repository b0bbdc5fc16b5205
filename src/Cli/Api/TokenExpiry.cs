using System.Buffers.Text;
using System.Text.Json;

namespace TorrentCluster.Cli.Api;

/// <summary>
/// Reads the <c>exp</c> claim of a stored JWT, unverified, only to say "expired" without a round trip: the gateway
/// still checks every token itself.
/// </summary>
internal static class TokenExpiry
{
    public static DateTimeOffset? Of(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
