using System.Diagnostics.Metrics;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TorrentCluster.Engine;
using TorrentCluster.ServiceDefaults.Health;
using TorrentCluster.Grains.Telemetry;

namespace TorrentCluster.Silo.Membership;

/// <summary>
/// Keeps a silo that lost the cluster from running a second copy of its torrents. When it has reached neither
/// Redis nor any other silo for <see cref="IsolationFenceOptions.After"/>, it cannot know whether the others have
/// declared it dead and started its torrents elsewhere, so it pauses its engine (libtorrent's session pause: no
/// peer connections, no disk writes, the torrents' own paused flags untouched). When Redis answers again it reads
/// membership: still active, it resumes; declared dead, Orleans stops the silo. A Redis outage alone, or the loss
/// of some silos, does not fence: the silo still hears from part of the cluster.
/// </summary>
public sealed partial class IsolationFence : BackgroundService
{
    private readonly TorrentEngine _engine;
    private readonly IClusterMembershipService _membership;
    private readonly ILocalSiloDetails _silo;
    private readonly RedisHealthCheck _redis;
    private readonly IsolationFenceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<IsolationFence> _logger;
    private bool _pausedByFence;
    private volatile bool _fenced;

    public IsolationFence(
        TorrentEngine engine,
        IClusterMembershipService membership,
        ILocalSiloDetails silo,
        RedisHealthCheck redis,
        IOptions<IsolationFenceOptions> options,
        TimeProvider clock,
        IMeterFactory meters,
        ILogger<IsolationFence> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        _engine = engine;
        _membership = membership;
        _silo = silo;
        _redis = redis;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        meters.Create(EngineTelemetry.MeterName).CreateObservableGauge(
            "torrentcluster.silo.fenced",
            () => new Measurement<int>(_fenced ? 1 : 0, new KeyValuePair<string, object?>("silo", silo.Name)),
            description: "1 while the silo has paused its engine because it reaches neither Redis nor any other silo");
    }

    /// <summary>True while the engine is paused because the silo is cut off.</summary>
    public bool IsFenced => _fenced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastContact = _clock.GetUtcNow();
        using var timer = new PeriodicTimer(_options.CheckInterval, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var others = OtherActiveSilos();
            var redisAnswers = await RedisAnswersAsync(stoppingToken);
            if (redisAnswers || others.Count == 0 || await AnyAnswersAsync(others, stoppingToken))
            {
                lastContact = _clock.GetUtcNow();
            }

            if (!_fenced && _clock.GetUtcNow() - lastContact >= _options.After)
            {
                Fence();
            }
            else if (_fenced && redisAnswers && await StillActiveAsync())
            {
                Unfence();
            }
        }
    }

    private List<SiloAddress> OtherActiveSilos() => [.. _membership.CurrentSnapshot.Members.Values
        .Where(member => member.Status == SiloStatus.Active && !member.SiloAddress.Equals(_silo.SiloAddress))
        .Select(member => member.SiloAddress)];

    private async Task<bool> RedisAnswersAsync(CancellationToken cancellationToken) =>
        (await _redis.CheckHealthAsync(new HealthCheckContext(), cancellationToken)).Status == HealthStatus.Healthy;

    // A TCP connection to a silo's port, not a grain call: it must not queue behind the messaging it judges.
    private async Task<bool> AnyAnswersAsync(List<SiloAddress> silos, CancellationToken cancellationToken)
    {
        var attempts = silos.Select(async silo =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            try
            {
                using var client = new TcpClient(silo.Endpoint.AddressFamily);
                await client.ConnectAsync(silo.Endpoint, timeout.Token);
                return true;
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        });
        return (await Task.WhenAll(attempts)).Any(answered => answered);
    }

    // Reads membership from Redis now: if this silo was declared dead meanwhile, Orleans stops it on this read.
    private async Task<bool> StillActiveAsync()
    {
        try
        {
            await _membership.Refresh();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRefreshFailed(exception.Message);
            return false;
        }

        return _membership.CurrentSnapshot.GetSiloStatus(_silo.SiloAddress) == SiloStatus.Active;
    }

    private void Fence()
    {
        _fenced = true;
        _pausedByFence = !_engine.IsPaused;
        if (_pausedByFence)
        {
            _engine.Pause();
        }

        LogFenced(_options.After);
    }

    private void Unfence()
    {
        _fenced = false;
        if (_pausedByFence)
        {
            _engine.Resume();
        }

        LogUnfenced();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reached neither Redis nor any other silo for {After}: the engine is paused until membership says this silo is still active")]
    private partial void LogFenced(TimeSpan after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership says this silo is still active: the engine runs again")]
    private partial void LogUnfenced();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read membership while fenced: {Reason}")]
    private partial void LogRefreshFailed(string reason);
}
