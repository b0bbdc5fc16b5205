using System.Text.Json;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Listing.Pql;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// Porla's <c>filters</c> of <c>torrents.list</c> as the conditions each silo applies: <c>category</c>,
/// <c>save_path</c>, <c>session</c> (our silo), <c>home</c> (ours: the home silo, that of torrents running nowhere
/// included) and <c>tags</c> as strings, and <c>query</c>, a PQL query parsed here
/// once. Like Porla, a filter it does not know, or a value of another type, is ignored, so a client that sends
/// more (porla/web's <c>status</c>) still gets its list. One exception: <c>tags</c> as a list of strings, which
/// Porla's own web UI sends when a tag is clicked and Porla drops; here it lists the torrents that hold them all.
/// Unlike Porla, where the last filter given overrides the others, every filter given applies.
/// </summary>
internal static class TorrentFilters
{
    /// <summary>A query with the filters' conditions (the caller sets the order and window).</summary>
    /// <exception cref="JsonRpcException">-1000 with <c>data: {"pos": n}</c> when the PQL query does not parse.</exception>
    public static TorrentQuery Parse(Dictionary<string, JsonElement>? filters)
    {
        if (filters is null)
        {
            return new TorrentQuery();
        }

        var terms = new List<TorrentFilterTerm>(filters.Count);
        TorrentCondition? where = null;
        foreach (var (field, value) in filters)
        {
            switch (field, value.ValueKind)
            {
                case ("category", JsonValueKind.String):
                    terms.Add(new TorrentFilterTerm(TorrentFilterField.Category, value.GetString()!));
                    break;
                case ("save_path", JsonValueKind.String):
                    terms.Add(new TorrentFilterTerm(TorrentFilterField.SavePath, value.GetString()!));
                    break;
                case ("session" or "silo", JsonValueKind.String):
                    terms.Add(new TorrentFilterTerm(TorrentFilterField.Silo, value.GetString()!));
                    break;
                case ("home", JsonValueKind.String):
                    terms.Add(new TorrentFilterTerm(TorrentFilterField.Home, value.GetString()!));
                    break;
                case ("tags", JsonValueKind.String):
                    terms.Add(new TorrentFilterTerm(TorrentFilterField.Tag, value.GetString()!));
                    break;
                case ("tags", JsonValueKind.Array):
                    terms.AddRange(value.EnumerateArray()
                        .Where(tag => tag.ValueKind == JsonValueKind.String)
                        .Select(tag => new TorrentFilterTerm(TorrentFilterField.Tag, tag.GetString()!)));
                    break;
                case ("query", JsonValueKind.String) when value.GetString() is { Length: > 0 } text:
                    where = ParseQuery(text);
                    break;
            }
        }

        return new TorrentQuery { Filters = terms, Where = where };
    }

    private static TorrentCondition ParseQuery(string text)
    {
        try
        {
            return PqlParser.Parse(text);
        }
        catch (PqlSyntaxException error)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidQuery, error.Message)
            {
                DetailObject = PositionDetail(error.Position),
            };
        }
    }

    // Porla's data of a -1000 error: {"pos": column of the offending token}.
    private static JsonElement PositionDetail(int position)
    {
        using var document = JsonDocument.Parse($"{{\"pos\":{position}}}");
        return document.RootElement.Clone();
    }
}
