using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Telemetry;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Events;

/// <summary>
/// The one place a silo's torrent events leave it: listens to the engine's alerts (added, removed, paused,
/// resumed, finished) and bulk status updates, queues them while a gateway is subscribed, and sends them in
/// batches to every subscribed gateway. The engine raises its events on its alert pump, which must not wait, so
/// they are only queued there; a full queue drops new events rather than growing.
/// </summary>
public sealed partial class TorrentEventPublisher : BackgroundService
{
    private readonly TorrentEngine _engine;
    private readonly TorrentEventSubscribers _subscribers;
    private readonly string _silo;
    private readonly int _maxBatch;
    private readonly ILogger<TorrentEventPublisher> _logger;
    private readonly Channel<TorrentEvent> _queue;
    private readonly Counter<long> _dropped;

    public TorrentEventPublisher(
        TorrentEngine engine,
        TorrentEventSubscribers subscribers,
        ILocalSiloDetails silo,
        IOptions<TorrentEventOptions> options,
        IMeterFactory meters,
        ILogger<TorrentEventPublisher> logger)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _engine = engine;
        _subscribers = subscribers;
        _silo = silo.Name;
        _maxBatch = options.Value.MaxBatch;
        _logger = logger;
        _queue = Channel.CreateBounded<TorrentEvent>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        var meter = meters.Create(EngineTelemetry.MeterName);
        var siloTag = new KeyValuePair<string, object?>("silo", _silo);
        meter.CreateObservableGauge("torrentcluster.events.subscribers", () => new Measurement<int>(subscribers.Count, siloTag),
            description: "Gateways subscribed to the silo's torrent events");
        _dropped = meter.CreateCounter<long>("torrentcluster.events.queue.dropped",
            description: "Torrent events a silo dropped because its queue to the gateways was full");

        _engine.TorrentAdded += OnAdded;
        _engine.TorrentRemoved += OnRemoved;
        _engine.TorrentPaused += OnPaused;
        _engine.TorrentResumed += OnResumed;
        _engine.TorrentFinished += OnFinished;
        _engine.StatusUpdated += OnStatusUpdated;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<TorrentEvent>(_maxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < _maxBatch && reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                Send(new TorrentEventBatch(_silo, [.. batch]));
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued was never promised to anyone.
        }
    }

    public override void Dispose()
    {
        _engine.TorrentAdded -= OnAdded;
        _engine.TorrentRemoved -= OnRemoved;
        _engine.TorrentPaused -= OnPaused;
        _engine.TorrentResumed -= OnResumed;
        _engine.TorrentFinished -= OnFinished;
        _engine.StatusUpdated -= OnStatusUpdated;
        base.Dispose();
    }

    private void Send(TorrentEventBatch batch)
    {
        foreach (var observer in _subscribers.Current())
        {
            try
            {
                // One-way: the call returns once queued, and a gateway that is gone costs the lease, not a wait.
                observer.OnEventsAsync(batch).Ignore();
            }
            catch (Exception exception) when (exception is OrleansException or InvalidOperationException)
            {
                LogSendFailed(exception.Message);
            }
        }
    }

    private void OnAdded(object? sender, TorrentEventArgs e) => Queue(TorrentEventKind.Added, e.InfoHashes);

    private void OnRemoved(object? sender, TorrentEventArgs e) => Queue(TorrentEventKind.Removed, e.InfoHashes);

    private void OnPaused(object? sender, TorrentEventArgs e) => Queue(TorrentEventKind.Paused, e.InfoHashes);

    private void OnResumed(object? sender, TorrentEventArgs e) => Queue(TorrentEventKind.Resumed, e.InfoHashes);

    private void OnFinished(object? sender, TorrentEventArgs e) => Queue(TorrentEventKind.Finished, e.InfoHashes);

    private void OnStatusUpdated(object? sender, StatusUpdateEventArgs e)
    {
        if (_subscribers.IsEmpty || e.Changed.Count == 0)
        {
            return;
        }

        Queue(new TorrentEvent(TorrentEventKind.StateUpdate, [.. e.Changed.Select(status => status.InfoHashes.ToPair())]));
    }

    private void Queue(TorrentEventKind kind, InfoHashes hashes)
    {
        if (_subscribers.IsEmpty || hashes.IsEmpty)
        {
            return;
        }

        Queue(new TorrentEvent(kind, [hashes.ToPair()]));
    }

    private void Queue(TorrentEvent torrentEvent)
    {
        if (!_queue.Writer.TryWrite(torrentEvent))
        {
            _dropped.Add(1, new KeyValuePair<string, object?>("silo", _silo));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sending torrent events to a gateway failed: {Reason}")]
    private partial void LogSendFailed(string reason);
}
