using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Host.Tests;

/// <summary>A torrent as <c>torrents.list</c> shows it, found by its v1 hash.</summary>
internal static class ListedTorrents
{
    public static async Task<JsonElement?> FindAsync(HostProcess host, string v1)
    {
        var torrents = (await host.Rpc.ResultAsync("torrents.list", new { })).GetProperty("torrents");
        foreach (var torrent in torrents.EnumerateArray())
        {
            if (torrent.GetProperty("info_hash")[0].GetString() == v1)
            {
                return torrent.Clone();
            }
        }

        return null;
    }

    public static async Task<JsonElement> GetAsync(HostProcess host, string v1) =>
        await FindAsync(host, v1) ?? throw new InvalidOperationException($"torrent {v1} is not listed");

    /// <summary>Waits until the torrent is listed and <paramref name="condition"/> holds for it.</summary>
    public static Task WaitAsync(HostProcess host, string v1, Func<JsonElement, bool> condition, TimeSpan timeout, string what) =>
        Eventually.Until(async () => await FindAsync(host, v1) is { } torrent && condition(torrent), timeout, what);

    public static bool IsComplete(JsonElement torrent) => torrent.GetProperty("progress").GetDouble() >= 1.0;
}
