using Microsoft.Extensions.Hosting;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Engine;

/// <summary>
/// The silo's traffic over the last hour in one-minute buckets, in memory: averages of the engine's counters,
/// which arrive every status interval. Plots need no database; a restart starts a new hour.
/// </summary>
public sealed class EngineStatsHistory : IHostedService, IDisposable
{
    private const int Minutes = 60;

    private readonly TorrentEngine _engine;
    private readonly Lock _gate = new();
    private readonly Queue<StatsBucket> _buckets = new();
    private DateTimeOffset _minute;
    private long _download;
    private long _upload;
    private long _peers;
    private int _samples;

    public EngineStatsHistory(TorrentEngine engine)
    {
        _engine = engine;
        _engine.StatsUpdated += OnStatsUpdated;
    }

    /// <summary>The finished minutes of the last hour, oldest first, and the current minute so far.</summary>
    public IReadOnlyList<StatsBucket> Buckets
    {
        get
        {
            lock (_gate)
            {
                return _samples == 0 ? [.. _buckets] : [.. _buckets, Current()];
            }
        }
    }

    // A hosted service only so that the host builds it at start: the hour begins when the silo does.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _engine.StatsUpdated -= OnStatsUpdated;

    private void OnStatsUpdated(object? sender, SessionStatsEventArgs e)
    {
        var minute = new DateTimeOffset(e.Stats.Timestamp.Year, e.Stats.Timestamp.Month, e.Stats.Timestamp.Day, e.Stats.Timestamp.Hour, e.Stats.Timestamp.Minute, 0, TimeSpan.Zero);
        lock (_gate)
        {
            if (minute != _minute && _samples > 0)
            {
                _buckets.Enqueue(Current());
                while (_buckets.Count >= Minutes)
                {
                    _buckets.Dequeue();
                }

                (_download, _upload, _peers, _samples) = (0, 0, 0, 0);
            }

            _minute = minute;
            _download += e.Stats.PayloadDownloadRate;
            _upload += e.Stats.PayloadUploadRate;
            _peers += e.Stats.PeersConnected;
            _samples++;
        }
    }

    private StatsBucket Current() => new(_minute, _download / _samples, _upload / _samples, _peers / _samples);
}
