using System.Text.Json;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Porla's <c>filters</c> of <c>torrents.list</c> (category, tags, save_path, session: our silo) as the terms each silo applies.</summary>
internal static class TorrentFilters
{
    public static IReadOnlyList<TorrentFilterTerm> Parse(Dictionary<string, JsonElement>? filters)
    {
        if (filters is null)
        {
            return [];
        }

        var terms = new List<TorrentFilterTerm>(filters.Count);
        foreach (var (field, value) in filters)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw JsonRpcException.InvalidParams($"filter '{field}' must be a string");
            }

            var text = value.GetString()!;
            terms.Add(field switch
            {
                "category" => new TorrentFilterTerm(TorrentFilterField.Category, text),
                "tags" => new TorrentFilterTerm(TorrentFilterField.Tag, text),
                "save_path" => new TorrentFilterTerm(TorrentFilterField.SavePath, text),
                "session" or "silo" => new TorrentFilterTerm(TorrentFilterField.Silo, text),
                _ => throw JsonRpcException.InvalidParams($"unknown filter '{field}' (category, tags, save_path, session)"),
            });
        }

        return terms;
    }
}
