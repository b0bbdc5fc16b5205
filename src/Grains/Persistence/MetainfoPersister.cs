using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;

namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// Writes a torrent's metainfo to this silo's disk when the engine gets it from the swarm: a magnet's metadata,
/// or the metadata of a torrent that came here by failover without its home's disk. From then on this silo
/// brings the torrent back from its own disk, as it does the torrents added with a .torrent file.
/// </summary>
public sealed partial class MetainfoPersister : BackgroundService
{
    private readonly TorrentEngine _engine;
    private readonly MetainfoStore _store;
    private readonly HostedTorrentRegistry _registry;
    private readonly ILogger<MetainfoPersister> _logger;
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public MetainfoPersister(TorrentEngine engine, MetainfoStore store, HostedTorrentRegistry registry, ILogger<MetainfoPersister> logger)
    {
        _engine = engine;
        _store = store;
        _registry = registry;
        _logger = logger;
        _engine.MetadataReceived += OnMetadataReceived;
    }

    public override void Dispose()
    {
        _engine.MetadataReceived -= OnMetadataReceived;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var key in _received.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await KeepAsync(key, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: a torrent whose metainfo was not written yet gets it written on its next activation.
        }
    }

    // Runs on the engine's alert pump: hand the key over and return at once.
    private void OnMetadataReceived(object? sender, TorrentEventArgs e) => _received.Writer.TryWrite(e.InfoHashes.Canonical);

    private async Task KeepAsync(string key, CancellationToken cancellationToken)
    {
        // Only torrents of the cluster hosted here; one removed meanwhile must not leave a file behind.
        if (_registry.Find(key) is not { } hosted || _store.Contains(key))
        {
            return;
        }

        try
        {
            await _store.WriteAsync(key, hosted.Torrent.GetTorrentFile(), cancellationToken).ConfigureAwait(false);
            LogKept(key);
        }
        catch (Exception exception) when (exception is TorrentEngineException or IOException)
        {
            LogNotKept(key, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metainfo of {InfoHash} received from the swarm and kept on this silo's disk")]
    private partial void LogKept(string infoHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metainfo of {InfoHash} not kept on disk, the next activation tries again: {Reason}")]
    private partial void LogNotKept(string infoHash, string reason);
}
