namespace TorrentCluster.Grains.Placement;

/// <summary>
/// This silo's view of how many torrents each silo hosts: replaced by <see cref="TorrentCountRefresher"/> with what
/// the silos report, and raised here at every placement so that placements between two reads count.
/// <para>
/// A placement picks the emptier of two silos drawn at random ("power of two choices") and raises that silo's count
/// by the number of silos, as Orleans' ActivationCountPlacementDirector does: other silos place from views as old
/// as this one, and a fixed choice of the emptiest silo would send every placer of the cluster to the same one until
/// the next read. Two random draws keep each placer's own placements even, and different placers apart.
/// </para>
/// </summary>
internal sealed class SiloTorrentCounts
{
    private readonly Lock _gate = new();
    private Dictionary<SiloAddress, int> _counts = [];

    /// <summary>A silo to place a new torrent on among <paramref name="compatible"/> (at least two), counted as placed.</summary>
    public SiloAddress Choose(SiloAddress[] compatible)
    {
        var first = Random.Shared.Next(compatible.Length);
        // A second draw among the others, so the two candidates always differ.
        var second = (first + 1 + Random.Shared.Next(compatible.Length - 1)) % compatible.Length;
        lock (_gate)
        {
            // A silo not read yet (none before the first read, or one that just joined) counts as empty.
            var chosen = _counts.GetValueOrDefault(compatible[second]) < _counts.GetValueOrDefault(compatible[first])
                ? compatible[second]
                : compatible[first];
            _counts[chosen] = _counts.GetValueOrDefault(chosen) + compatible.Length;
            return chosen;
        }
    }

    /// <summary>Takes the counts the silos reported; a silo missing from them keeps its count until it answers.</summary>
    public void Update(IReadOnlyDictionary<SiloAddress, int> reported, IReadOnlyCollection<SiloAddress> active)
    {
        lock (_gate)
        {
            var counts = new Dictionary<SiloAddress, int>(active.Count);
            foreach (var silo in active)
            {
                if (reported.TryGetValue(silo, out var count) || _counts.TryGetValue(silo, out count))
                {
                    counts[silo] = count;
                }
            }

            _counts = counts;
        }
    }
}
