using System.Text.Json;

namespace TorrentCluster.Cli.Rendering;

/// <summary>
/// A torrent's state in a word, from Porla's numeric <c>state</c> (libtorrent's), its <c>flags</c> and <c>error</c>,
/// and whether a watch of it is over.
/// </summary>
internal static class TorrentStates
{
    public static string Describe(JsonElement torrent)
    {
        if (Error(torrent) is not null)
        {
            return "error";
        }

        if (torrent.Items("flags").Any(flag => flag.ValueKind == JsonValueKind.String && flag.GetString() == "paused"))
        {
            return "paused";
        }

        return torrent.Long("state") switch
        {
            0 => "unknown",
            1 => "checking",
            2 => "metadata",
            3 => "downloading",
            4 => "finished",
            5 => "seeding",
            7 => "checking resume",
            var other => Json.Invariant(other),
        };
    }

    /// <summary>The torrent's error, if it has one (Porla's <c>error</c> is null otherwise).</summary>
    public static string? Error(JsonElement torrent) =>
        torrent.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String && error.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>Every wanted piece is there: progress 1, or libtorrent says finished or seeding.</summary>
    public static bool IsComplete(JsonElement torrent) =>
        Error(torrent) is null && (torrent.Double("progress") >= 1.0 || torrent.Long("state") is 4 or 5);
}
