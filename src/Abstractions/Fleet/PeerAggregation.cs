namespace TorrentCluster.Abstractions.Fleet;

/// <summary>
/// Grouping peers for <c>fleet.peers.summary</c>: each silo groups its own peers, the gateway merges the silos'
/// summaries. One implementation for both sides, so the parts always add up.
/// </summary>
public static class PeerAggregation
{
    /// <summary>The group key of a peer.</summary>
    public static string KeyOf(FleetPeer peer, PeerGrouping grouping) => grouping switch
    {
        PeerGrouping.Client => peer.Peer.Client,
        PeerGrouping.Ip => peer.Peer.Ip.Address,
        PeerGrouping.Torrent => peer.InfoHash.Canonical,
        PeerGrouping.Silo => peer.Silo,
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, "no such grouping"),
    };

    /// <summary>Adds up one silo's peers.</summary>
    public static PeerSummary Summarize(IEnumerable<FleetPeer> peers, PeerGrouping grouping)
    {
        var summary = new PeerSummary();
        var groups = new Dictionary<string, PeerGroup>(StringComparer.Ordinal);
        foreach (var peer in peers)
        {
            summary.Total.Add(peer);
            var key = KeyOf(peer, grouping);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new PeerGroup { Key = key };
            }

            group.Add(peer);
        }

        summary.Groups.AddRange(groups.Values);
        return summary;
    }

    /// <summary>Merges the silos' summaries into one.</summary>
    public static PeerSummary Merge(IEnumerable<PeerSummary> parts)
    {
        var merged = new PeerSummary();
        var groups = new Dictionary<string, PeerGroup>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            merged.Total.Merge(part.Total);
            foreach (var group in part.Groups)
            {
                if (!groups.TryGetValue(group.Key, out var into))
                {
                    groups[group.Key] = into = new PeerGroup { Key = group.Key };
                }

                into.Merge(group);
            }
        }

        merged.Groups.AddRange(groups.Values);
        return merged;
    }
}
