using System.Text;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// The magnet link cluster storage keeps for a torrent added by its .torrent file: what any silo needs to fetch
/// the metadata from the swarm when the metainfo is on no disk it has (both info-hashes, name, trackers, web
/// seeds). Bounded, so a record stays small whatever the torrent: the hashes always, then the name, trackers
/// and web seeds in the .torrent's order while they fit.
/// </summary>
public static class SwarmMagnet
{
    /// <summary>The most characters kept; the info-hashes alone (about 130) always fit.</summary>
    public const int MaxLength = 1024;

    private const string Scheme = "magnet:?";

    public static string Of(byte[] torrentFile) => Bound(TorrentMetadata.MagnetUriOf(torrentFile));

    public static string Bound(string magnet)
    {
        if (magnet.Length <= MaxLength || !magnet.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return magnet;
        }

        var parameters = magnet[Scheme.Length..].Split('&');
        var hashes = parameters.Where(IsHash).ToList();
        var bounded = new StringBuilder(Scheme).AppendJoin('&', hashes);
        foreach (var parameter in parameters.Where(parameter => !IsHash(parameter)))
        {
            if (bounded.Length + 1 + parameter.Length <= MaxLength)
            {
                bounded.Append('&').Append(parameter);
            }
        }

        return bounded.ToString();
    }

    private static bool IsHash(string parameter) => parameter.StartsWith("xt=", StringComparison.Ordinal);
}
