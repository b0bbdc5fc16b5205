using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// Keeps resume data on disk current without a timer per torrent: writes what the engine hands out, asks for it
/// when a torrent finishes, and every <see cref="SiloEngineOptions.ResumeDataInterval"/> asks only the torrents
/// whose state changed (the engine's bulk status says which).
/// </summary>
public sealed partial class ResumeDataPersister : BackgroundService
{
    private readonly TorrentEngine _engine;
    private readonly ResumeDataStore _store;
    private readonly HostedTorrentRegistry _registry;
    private readonly SiloEngineOptions _options;
    private readonly ILogger<ResumeDataPersister> _logger;
    private readonly Channel<(string Key, byte[] Data)> _pending =
        Channel.CreateUnbounded<(string, byte[])>(new UnboundedChannelOptions { SingleReader = true });

    public ResumeDataPersister(
        TorrentEngine engine,
        ResumeDataStore store,
        HostedTorrentRegistry registry,
        IOptions<SiloEngineOptions> options,
        ILogger<ResumeDataPersister> logger)
    {
        _engine = engine;
        _store = store;
        _registry = registry;
        _options = options.Value;
        _logger = logger;
        _engine.ResumeDataSaved += OnResumeDataSaved;
        _engine.TorrentFinished += OnTorrentFinished;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writer = WriteAllAsync();
        using var timer = new PeriodicTimer(_options.ResumeDataInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                RequestChangedResumeData();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _pending.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _engine.ResumeDataSaved -= OnResumeDataSaved;
        _engine.TorrentFinished -= OnTorrentFinished;
        base.Dispose();
    }

    private void RequestChangedResumeData()
    {
        foreach (var status in _engine.StatusSnapshot.Values)
        {
            if (!status.Flags.HasFlag(TorrentStatusFlags.NeedSaveResume))
            {
                continue;
            }

            var hosted = _registry.Find(status.InfoHashes.Canonical);
            try
            {
                hosted?.Torrent.SaveResumeData(onlyIfModified: true);
            }
            catch (TorrentEngineException exception)
            {
                LogRequestFailed(status.InfoHashes.Canonical, exception.Message);
            }
        }
    }

    // Runs on the engine's alert pump: hand the bytes over and return at once.
    private void OnResumeDataSaved(object? sender, ResumeDataEventArgs e) =>
        _pending.Writer.TryWrite((e.InfoHashes.Canonical, e.Data));

    private void OnTorrentFinished(object? sender, TorrentEventArgs e)
    {
        try
        {
            _registry.Find(e.InfoHashes.Canonical)?.Torrent.SaveResumeData();
        }
        catch (TorrentEngineException exception)
        {
            LogRequestFailed(e.InfoHashes.Canonical, exception.Message);
        }
    }

    private async Task WriteAllAsync()
    {
        await foreach (var (key, data) in _pending.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            // A torrent removed a moment ago may still deliver one last save: do not resurrect its file.
            if (!_registry.Contains(key))
            {
                continue;
            }

            try
            {
                await _store.WriteAsync(key, data, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                LogWriteFailed(key, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking for resume data of {InfoHash} failed: {Reason}")]
    private partial void LogRequestFailed(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing resume data of {InfoHash} failed: {Reason}")]
    private partial void LogWriteFailed(string infoHash, string reason);
}
