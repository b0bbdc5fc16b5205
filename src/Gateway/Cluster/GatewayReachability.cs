using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// Which silo gateways this process can open a TCP connection to, probed once a second. A silo cut off from this
/// gateway alone (a firewall rule, a broken route) stays alive in membership, so Orleans' client keeps sending
/// through its connection and every call routed there waits for Orleans' 30 s response timeout; knowing it is
/// unreachable lets <see cref="ReachableGatewayListProvider"/> leave it out.
/// </summary>
public sealed partial class GatewayReachability(ILogger<GatewayReachability> logger) : IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);
    private const int FailuresBeforeUnreachable = 2;

    private readonly ConcurrentDictionary<IPEndPoint, int> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _probing;

    /// <summary>Whether this gateway reached <paramref name="gateway"/> at its latest probes (unknown ones count as reachable).</summary>
    public bool IsReachable(IPEndPoint gateway) => _failures.GetValueOrDefault(gateway) < FailuresBeforeUnreachable;

    /// <summary>Probes these gateways from now on (and forgets others).</summary>
    public void Watch(IEnumerable<IPEndPoint> gateways)
    {
        var current = gateways.ToHashSet();
        foreach (var gone in _failures.Keys.Where(gateway => !current.Contains(gateway)))
        {
            _failures.TryRemove(gone, out _);
        }

        foreach (var gateway in current)
        {
            _failures.TryAdd(gateway, 0);
        }

        _probing ??= Task.Run(ProbeAsync);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task ProbeAsync()
    {
        using var timer = new PeriodicTimer(ProbeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await Task.WhenAll(_failures.Keys.Select(ProbeAsync));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task ProbeAsync(IPEndPoint gateway)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient(gateway.AddressFamily);
            await client.ConnectAsync(gateway, timeout.Token);
            if (_failures.TryGetValue(gateway, out var failures) && failures >= FailuresBeforeUnreachable)
            {
                LogReachableAgain(gateway);
            }

            _failures[gateway] = 0;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !_stop.IsCancellationRequested)
        {
            var failures = _failures.AddOrUpdate(gateway, 1, (_, count) => count + 1);
            if (failures == FailuresBeforeUnreachable)
            {
                LogUnreachable(gateway);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo gateway {Gateway} does not accept connections: calls go through the other silos")]
    private partial void LogUnreachable(IPEndPoint gateway);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo gateway {Gateway} accepts connections again")]
    private partial void LogReachableAgain(IPEndPoint gateway);
}
