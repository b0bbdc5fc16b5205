using System.Globalization;
using System.Text.Json;

namespace TorrentCluster.Cli.Rendering;

/// <summary>Lenient reads of the API's answers for tables: a field that is missing or of another type shows as empty.</summary>
internal static class Json
{
    public static string Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? string.Empty,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => string.Empty,
        } : string.Empty;

    public static long Long(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;

    public static double Double(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>A torrent's name for people: its v1 hash, else its v2 hash, from Porla's <c>[v1, v2]</c> pair.</summary>
    public static string InfoHash(this JsonElement element)
    {
        if (!element.TryGetProperty("info_hash", out var pair))
        {
            return string.Empty;
        }

        if (pair.ValueKind == JsonValueKind.String)
        {
            return pair.GetString() ?? string.Empty;
        }

        return pair.ValueKind == JsonValueKind.Array
            ? pair.EnumerateArray().Where(half => half.ValueKind == JsonValueKind.String).Select(half => half.GetString()!).FirstOrDefault() ?? string.Empty
            : string.Empty;
    }

    /// <summary><c>[address, port]</c> as <c>address:port</c> (brackets around IPv6).</summary>
    public static string Endpoint(this JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var pair) || pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
        {
            return string.Empty;
        }

        var address = pair[0].GetString() ?? string.Empty;
        var port = pair[1].GetRawText();
        return address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
    }

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
