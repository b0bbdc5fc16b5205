using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// <c>torrents.list</c> over two silos: the gateway gathers, sorts and pages. 120 torrents, every sort field in both
/// directions, pages of 50: each page must equal the same slice of the whole list sorted here.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class SortingAndPagingTests(ApiCluster api)
{
    private const int TorrentCount = 120;
    private const int PageSize = 50;

    private static readonly string[] SortFields =
    [
        "download_rate", "eta", "list_peers", "list_seeds", "name", "num_peers", "num_seeds", "progress", "queue_position",
        "ratio", "save_path", "size", "total", "total_done", "upload_rate",
    ];

    [Fact]
    public async Task Every_page_of_every_sort_equals_the_slice_of_the_whole_list_sorted_in_the_test()
    {
        await AddTorrentsAsync();
        await Eventually.Until(async () => (await ListAllAsync()).All(IsSettled), TimeSpan.FromSeconds(120), "all 120 torrents finish checking");
        var all = await ListAllAsync();
        Assert.Equal(TorrentCount, all.Count);
        Assert.Equal(2, all.Select(torrent => torrent.GetProperty("session").GetString()).Distinct().Count());

        foreach (var field in SortFields)
        {
            foreach (var direction in new[] { "asc", "desc" })
            {
                var expected = all.ToList();
                expected.Sort((a, b) => Compare(field, direction == "asc", a, b));
                for (var page = 0; page * PageSize < TorrentCount; page++)
                {
                    var result = await api.Rpc.ResultAsync("torrents.list", new
                    {
                        filters = new { category = "paging" },
                        order_by = field,
                        order_by_dir = direction,
                        page,
                        page_size = PageSize,
                    });
                    Assert.Equal(TorrentCount, result.GetProperty("torrents_total").GetInt32());
                    var got = result.GetProperty("torrents").EnumerateArray().Select(Key).ToList();
                    var want = expected.Skip(page * PageSize).Take(PageSize).Select(Key).ToList();
                    Assert.True(want.SequenceEqual(got), $"order_by {field} {direction}, page {page}: expected {string.Join(",", want.Take(5))}..., got {string.Join(",", got.Take(5))}...");
                }
            }
        }

        var past = await api.Rpc.CallAsync("torrents.list", new { filters = new { category = "paging" }, page = 3, page_size = PageSize });
        Assert.Equal(-2, past.GetProperty("error").GetProperty("code").GetInt32());
    }

    // One batch of 120 adds, alternating silos, three save folders, sizes and names all different.
    private async Task AddTorrentsAsync()
    {
        var calls = new List<string>();
        for (var i = 0; i < TorrentCount; i++)
        {
            var name = $"paging-{(i * 37) % TorrentCount:D3}";
            var (ti, _) = api.MakeTorrent(name, 16_384 + (i * 7919 % 200) * 1024, seed: 1000 + i);
            var folder = Path.Combine(api.Root.Path, "content", name);
            calls.Add(JsonSerializer.Serialize(new
            {
                jsonrpc = "2.0",
                id = i,
                method = "torrents.add",
                @params = new { ti, save_path = folder, category = "paging", session = api.Sessions[i % 2] },
            }));
        }

        var (status, body) = await api.Rpc.PostRawAsync("[" + string.Join(",", calls) + "]");
        Assert.Equal(200, status);
        Assert.All(JsonDocument.Parse(body).RootElement.EnumerateArray(), answer => Assert.True(answer.TryGetProperty("result", out _), answer.ToString()));
    }

    private async Task<List<JsonElement>> ListAllAsync()
    {
        var result = await api.Rpc.ResultAsync("torrents.list", new { filters = new { category = "paging" }, page_size = 1000 });
        return [.. result.GetProperty("torrents").EnumerateArray().Select(torrent => torrent.Clone())];
    }

    private static bool IsSettled(JsonElement torrent) =>
        torrent.GetProperty("progress").GetDouble() >= 1.0 && torrent.GetProperty("state").GetInt32() == 5;

    private static string Key(JsonElement torrent) => torrent.GetProperty("info_hash")[0].GetString()!;

    // The documented order: by the field, unknown (-1) eta and queue position last either way, ties by info-hash.
    private static int Compare(string field, bool ascending, JsonElement a, JsonElement b)
    {
        var x = a.GetProperty(field);
        var y = b.GetProperty(field);
        int order;
        if (x.ValueKind == JsonValueKind.String)
        {
            order = string.CompareOrdinal(x.GetString(), y.GetString());
            order = ascending ? order : -order;
        }
        else
        {
            var (u, v) = (x.GetDouble(), y.GetDouble());
            var unknownLast = field is "eta" or "queue_position";
            if (unknownLast && (u < 0 || v < 0))
            {
                order = (u < 0, v < 0) switch { (true, true) => 0, (true, false) => 1, _ => -1 };
            }
            else
            {
                order = ascending ? u.CompareTo(v) : v.CompareTo(u);
            }
        }

        return order != 0 ? order : string.CompareOrdinal(Key(a), Key(b));
    }
}
