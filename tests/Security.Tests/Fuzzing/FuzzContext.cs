using System.Net;

namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>
/// What the fuzzer draws values from besides randomness: the hostile paths aimed at the test's sentinel, the
/// info-hashes of torrents the host really holds (so calls reach a grain, not only the parser), .torrent files
/// and magnet links to add. Every address in it is loopback: the host must never be made to reach out.
/// </summary>
public sealed record FuzzContext(
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> KnownHashes,
    IReadOnlyList<string> TorrentFiles,
    IReadOnlyList<string> MagnetLinks)
{
    public const string LoopbackTracker = "http://127.0.0.1:1/announce";

    /// <summary>A string that could be read as an IP address that is not loopback, made into one that cannot.</summary>
    /// <remarks>
    /// .NET reads "7" and "1.2" as IPv4 addresses; a random string handed to torrents.peers.add must never turn
    /// into a connection to somewhere real.
    /// </remarks>
    public static string NeverRoutable(string text) =>
        IPAddress.TryParse(text, out var address) && !IPAddress.IsLoopback(address) ? "x" + text : text;
}
