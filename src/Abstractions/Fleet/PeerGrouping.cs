namespace TorrentCluster.Abstractions.Fleet;

/// <summary>How <c>fleet.peers.summary</c> groups peers; <see cref="PeerGroupings"/> holds the API's names.</summary>
public enum PeerGrouping
{
    Client,
    Ip,
    Torrent,
    Silo,
}

/// <summary>The names <c>group_by</c> takes, each with its <see cref="PeerGrouping"/>: the one table between them.</summary>
public static class PeerGroupings
{
    private static readonly (string Name, PeerGrouping Grouping)[] Table =
    [
        ("client", PeerGrouping.Client),
        ("ip", PeerGrouping.Ip),
        ("torrent", PeerGrouping.Torrent),
        ("silo", PeerGrouping.Silo),
    ];

    /// <summary>Every name, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(entry => entry.Name)];

    /// <summary>Every grouping, in the table's order.</summary>
    public static IReadOnlyList<PeerGrouping> All { get; } = [.. Table.Select(entry => entry.Grouping)];

    public static bool TryParse(string name, out PeerGrouping grouping)
    {
        foreach (var entry in Table)
        {
            if (entry.Name == name)
            {
                grouping = entry.Grouping;
                return true;
            }
        }

        grouping = default;
        return false;
    }

    public static string NameOf(PeerGrouping grouping) => Table.First(entry => entry.Grouping == grouping).Name;
}
