using System.Globalization;
using System.Text.Json;

namespace TorrentCluster.Cli.Api;

/// <summary>A JSON-RPC error object as one line: <c>error CODE: message (data)</c>.</summary>
internal static class JsonRpcError
{
    public static string Describe(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var number) && number.TryGetInt32(out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : "?";
        var message = error.TryGetProperty("message", out var text) ? text.GetString() : null;
        var data = error.TryGetProperty("data", out var detail) ? detail : default;
        var suffix = data.ValueKind switch
        {
            JsonValueKind.String => $" ({data.GetString()})",
            JsonValueKind.Object or JsonValueKind.Array => $" ({data.GetRawText()})",
            _ => string.Empty,
        };
        return $"error {code}: {message}{suffix}".ReplaceLineEndings(" ");
    }
}
