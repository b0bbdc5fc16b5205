using System.Text.Json;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Porla's <c>filters</c> of <c>torrents.list</c>: category, tags, save_path and session (our silo).</summary>
internal static class TorrentFilters
{
    public static IEnumerable<TorrentSummary> Apply(IEnumerable<TorrentSummary> torrents, Dictionary<string, JsonElement>? filters)
    {
        if (filters is null)
        {
            return torrents;
        }

        foreach (var (field, value) in filters)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw JsonRpcException.InvalidParams($"filter '{field}' must be a string");
            }

            var text = value.GetString()!;
            torrents = field switch
            {
                "category" => torrents.Where(t => t.Category == text),
                "tags" => torrents.Where(t => t.Tags.Contains(text)),
                "save_path" => torrents.Where(t => t.SavePath == text),
                "session" or "silo" => torrents.Where(t => t.Silo == text),
                _ => throw JsonRpcException.InvalidParams($"unknown filter '{field}' (category, tags, save_path, session)"),
            };
        }

        return torrents;
    }
}
