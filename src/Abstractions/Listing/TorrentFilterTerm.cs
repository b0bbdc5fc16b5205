namespace TorrentCluster.Abstractions.Listing;

/// <summary>One condition of a <see cref="TorrentQuery"/>: a field of the torrent equals (or, for tags, holds) a value.</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentFilterTerm([property: Id(0)] TorrentFilterField Field, [property: Id(1)] string Value);

/// <summary>The fields Porla's <c>torrents.list</c> filters on.</summary>
public enum TorrentFilterField
{
    /// <summary>The torrent's category.</summary>
    Category,

    /// <summary>One of the torrent's tags.</summary>
    Tag,

    /// <summary>The torrent's save path, as listed.</summary>
    SavePath,

    /// <summary>The silo that hosts it (Porla's session).</summary>
    Silo,

    /// <summary>
    /// Its home silo: the silo running it, or for a torrent that runs nowhere, the silo it waits for or is being
    /// moved from (what the console shows on a dead silo).
    /// </summary>
    Home,
}
