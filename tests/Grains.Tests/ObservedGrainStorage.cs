using Orleans.Storage;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// The cluster's grain storage with a hand on torrent records: it notes when a record write starts and ends, fails
/// the record writes of chosen torrents (as a Redis that refuses a write would), and can hold record writes until a
/// given number wait at once, which only happens when that many adds are under way together.
/// </summary>
internal sealed class ObservedGrainStorage(IGrainStorage inner, PersistenceEvents events) : IGrainStorage
{
    public const string Name = "record";
    private const string TorrentState = "torrent";

    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private WriteBarrier? _barrier;

    /// <summary>Record writes of <paramref name="infoHash"/> fail until <see cref="StopFailing"/>.</summary>
    public void FailRecordWritesOf(string infoHash)
    {
        lock (_gate)
        {
            _failing.Add(infoHash);
        }
    }

    public void StopFailing(string infoHash)
    {
        lock (_gate)
        {
            _failing.Remove(infoHash);
        }
    }

    /// <summary>
    /// Holds each record write until <paramref name="count"/> of them wait together, or <paramref name="limit"/>
    /// passes (then they go on, and the barrier says it was never reached).
    /// </summary>
    public WriteBarrier HoldRecordWrites(int count, TimeSpan limit)
    {
        var barrier = new WriteBarrier(count, limit);
        lock (_gate)
        {
            _barrier = barrier;
        }

        return barrier;
    }

    public void ReleaseRecordWrites()
    {
        lock (_gate)
        {
            _barrier = null;
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName != TorrentState)
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        var infoHash = grainId.Key.ToString()!;
        events.Add(Name, "write started", infoHash);
        bool failing;
        WriteBarrier? barrier;
        lock (_gate)
        {
            failing = _failing.Contains(infoHash);
            barrier = _barrier;
        }

        if (barrier is not null)
        {
            await barrier.ArriveAsync();
        }

        if (failing)
        {
            events.Add(Name, "write failed", infoHash);
            throw new OrleansException($"The test's storage refused the record of {infoHash}");
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
        events.Add(Name, "written", infoHash);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ClearStateAsync(stateName, grainId, grainState);
        if (stateName == TorrentState)
        {
            events.Add(Name, "cleared", grainId.Key.ToString()!);
        }
    }
}
