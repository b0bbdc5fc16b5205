using System.Text.Json;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Metadata values travel through the cluster as raw JSON text; the gateway turns them back into JSON.</summary>
internal static class TorrentMetadataJson
{
    public static Dictionary<string, string> Serialize(IReadOnlyDictionary<string, JsonElement>? metadata) =>
        metadata?.ToDictionary(entry => entry.Key, entry => entry.Value.GetRawText(), StringComparer.Ordinal) ?? [];

    public static SortedDictionary<string, JsonElement> Parse(IReadOnlyDictionary<string, string> metadata, IReadOnlyCollection<string>? only = null)
    {
        var parsed = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, json) in metadata)
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
