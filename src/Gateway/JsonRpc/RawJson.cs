using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Values of any JSON type (torrent metadata, libtorrent settings) cross the cluster as raw JSON text, which
/// Orleans serializes as strings; the gateway turns them into text and back.
/// </summary>
internal static class RawJson
{
    public static Dictionary<string, string> Serialize(IReadOnlyDictionary<string, JsonElement>? values) =>
        values?.ToDictionary(entry => entry.Key, entry => entry.Value.GetRawText(), StringComparer.Ordinal) ?? [];

    public static SortedDictionary<string, JsonElement> Parse(IReadOnlyDictionary<string, string> values, IReadOnlyCollection<string>? only = null)
    {
        var parsed = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, json) in values)
        {
            if (only is null || only.Contains(key))
            {
                using var document = JsonDocument.Parse(json);
                parsed[key] = document.RootElement.Clone();
            }
        }

        return parsed;
    }
}
