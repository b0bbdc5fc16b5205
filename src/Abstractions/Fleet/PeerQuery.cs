namespace TorrentCluster.Abstractions.Fleet;

/// <summary>
/// Which peers <c>fleet.peers.list</c> wants, how they are ordered and how many of the first each silo returns
/// (the gateway merges the silos' first <see cref="Take"/> and cuts the page).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PeerQuery
{
    /// <summary>Case-insensitive substring of the peer's client name.</summary>
    [Id(0)] public string? ClientContains { get; init; }

    /// <summary>An address or CIDR block (<c>10.0.0.0/8</c>) the peer's address must fall in.</summary>
    [Id(1)] public string? Ip { get; init; }

    /// <summary>The canonical info-hash of one torrent.</summary>
    [Id(2)] public string? Torrent { get; init; }

    /// <summary>The silo's name.</summary>
    [Id(3)] public string? Silo { get; init; }

    /// <summary>Minimum download speed from the peer, bytes per second.</summary>
    [Id(4)] public int MinDownSpeed { get; init; }

    /// <summary>Minimum upload speed to the peer, bytes per second.</summary>
    [Id(5)] public int MinUpSpeed { get; init; }

    /// <summary><c>incoming</c>, <c>outgoing</c>, or null for both.</summary>
    [Id(6)] public string? Direction { get; init; }

    /// <summary>A numeric peer field of the API (<c>down_speed</c>, <c>total_upload</c>, ...).</summary>
    [Id(7)] public string OrderBy { get; init; } = "down_speed";

    /// <summary>Largest first.</summary>
    [Id(8)] public bool Descending { get; init; } = true;

    /// <summary>How many of the first matching peers to return.</summary>
    [Id(9)] public int Take { get; init; } = 50;
}
