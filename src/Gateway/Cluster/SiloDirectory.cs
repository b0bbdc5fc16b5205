using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Hosting;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// The gateway's one way to list silos and ask them for their summaries, each call bounded by
/// <see cref="GatewayOptions.SiloAnswerTimeout"/>. The active silos are asked of Orleans' management grain and reused
/// for <see cref="GatewayOptions.SiloListTtl"/>, so a burst of fleet calls does not turn that one grain into a hot
/// spot; <see cref="ListAllAsync"/> asks afresh for every silo membership knows, active or not.
/// </summary>
public sealed class SiloDirectory(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<ISiloGrain> Silos, IReadOnlyDictionary<string, ISiloGrain> ByName)? _cached;

    public async ValueTask<IReadOnlyList<ISiloGrain>> GetActiveAsync() => (await RefreshAsync()).Silos;

    // Membership names every active silo, so finding one by name never asks the silos themselves.
    private async ValueTask<(DateTimeOffset At, IReadOnlyList<ISiloGrain> Silos, IReadOnlyDictionary<string, ISiloGrain> ByName)> RefreshAsync()
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _refresh.WaitAsync();
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            MembershipEntry[] hosts;
            try
            {
                hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true).WaitAsync(AnswerTimeout);
            }
            catch (Exception exception) when (_cached is { } stale && exception is TimeoutException or OrleansException)
            {
                // Membership is read through one silo; while that silo is cut off and not yet declared dead, the
                // last list is a better answer than none.
                return stale;
            }

            var active = hosts.Select(host => (host.SiloName, Silo: grains.GetGrain<ISiloGrain>(host.SiloAddress.ToParsableString()))).ToList();
            var entry = (clock.GetUtcNow(), (IReadOnlyList<ISiloGrain>)[.. active.Select(host => host.Silo)],
                (IReadOnlyDictionary<string, ISiloGrain>)active.ToDictionary(host => host.SiloName, host => host.Silo, StringComparer.Ordinal));
            _cached = entry;
            return entry;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Every active silo with its summary, asked in parallel, in name order.</summary>
    public async Task<IReadOnlyList<(ISiloGrain Silo, SiloSummary Summary)>> GetSummariesAsync()
    {
        var active = await GetActiveAsync();
        var summaries = await Task.WhenAll(active.Select(async silo => (silo, await silo.GetSummaryAsync().WaitAsync(AnswerTimeout))));
        return [.. summaries.OrderBy(entry => entry.Item2.Name, StringComparer.Ordinal)];
    }

    /// <summary>The active silo of this name (Porla's session), or Porla's "Session not found" (-10).</summary>
    public async Task<(ISiloGrain Silo, SiloSummary Summary)> FindAsync(string name)
    {
        var silo = await RequireAsync(name);
        return (silo, await silo.GetSummaryAsync().WaitAsync(AnswerTimeout));
    }

    /// <summary>The active silo of this name, from membership (cached) without asking the silo; -10 otherwise.</summary>
    public async Task<ISiloGrain> RequireAsync(string name) =>
        (await RefreshAsync()).ByName.GetValueOrDefault(name)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.SiloNotFound, "Session not found", $"no active silo is named '{name}'");

    /// <summary>The named silo, or every active silo when <paramref name="name"/> is null.</summary>
    public async Task<IReadOnlyList<(ISiloGrain Silo, SiloSummary Summary)>> SelectAsync(string? name) =>
        name is null ? await GetSummariesAsync() : [await FindAsync(name)];

    /// <summary>
    /// Every silo membership knows, in name order, with its status (Orleans' in lower case, e.g. <c>active</c>,
    /// <c>dead</c>) and, for an active one, its summary. An active silo that does not answer within the timeout
    /// (cut off, frozen, not yet declared dead) is <c>unreachable</c>, without a summary, rather than holding up the
    /// whole list.
    /// </summary>
    public async Task<IReadOnlyList<KnownSilo>> ListAllAsync(CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false, cancellationToken).WaitAsync(AnswerTimeout, cancellationToken);
        var silos = await Task.WhenAll(hosts.Select(async host =>
        {
            var address = host.SiloAddress.ToParsableString();
            // Membership's own record of when this incarnation started: no silo needs asking, a dead one included.
            DateTimeOffset? since = host.StartTime == default ? null : new DateTimeOffset(DateTime.SpecifyKind(host.StartTime, DateTimeKind.Utc));
            if (host.Status != SiloStatus.Active)
            {
                return new KnownSilo(host.SiloName, address, host.Status.ToString().ToLowerInvariant(), since, null);
            }

            try
            {
                var summary = await grains.GetGrain<ISiloGrain>(address).GetSummaryAsync().WaitAsync(AnswerTimeout, cancellationToken);
                return new KnownSilo(host.SiloName, address, KnownSilo.Active, since, summary);
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                return new KnownSilo(host.SiloName, address, KnownSilo.Unreachable, since, null);
            }
        }));
        return [.. silos.OrderBy(silo => silo.Summary?.Name ?? silo.Name, StringComparer.Ordinal)];
    }

    public void Dispose() => _refresh.Dispose();

    /// <summary>Asks for the list again at the next call, e.g. after a call to a silo that is gone; the old list stays as the fallback.</summary>
    public void Invalidate() => _cached = _cached is { } cached ? cached with { At = DateTimeOffset.MinValue } : null;

    private TimeSpan AnswerTimeout => options.Value.SiloAnswerTimeout;

    private (DateTimeOffset At, IReadOnlyList<ISiloGrain> Silos, IReadOnlyDictionary<string, ISiloGrain> ByName)? Fresh() =>
        _cached is { } cached && clock.GetUtcNow() - cached.At < options.Value.SiloListTtl ? cached : null;
}
