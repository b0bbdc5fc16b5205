using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Hosting;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// A query over every torrent of the fleet: each silo filters, orders and cuts its own torrents and returns its
/// first <see cref="TorrentQuery.Take"/> with its counts, and the answers are merged here, so a page costs a
/// page per silo, whatever the fleet holds.
/// <para>
/// The list never loses a torrent: when the silos report fewer torrents than the catalog holds (a silo died and
/// its torrents are not placed again yet), or a silo does not answer, the catalog's torrents that no silo runs
/// are listed too, as not running, with the reason. The catalog's count is cached (<see cref="CatalogCount"/>),
/// so the healthy fleet's listing asks no catalog shard. When a silo does not answer and neither does a catalog
/// shard (often hosted by that same silo), no listing can be complete: the call fails with -32000 and the
/// caller tries again, rather than getting a list with torrents missing.
/// </para>
/// </summary>
public sealed partial class FleetTorrents(
    SiloDirectory silos,
    IGrainFactory grains,
    CatalogCount catalogCount,
    IOptions<GatewayOptions> options,
    ILogger<FleetTorrents> logger,
    TimeProvider clock)
{
    /// <summary>The <c>state</c> of a torrent that is not running on any silo at the moment.</summary>
    public const int NotRunningState = 0;

    // When each silo (by grain key) last answered, and its name: what a listing says of a silo gone silent.
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string Name)> _lastAnswers = new(StringComparer.Ordinal);

    // The silos (by grain key) of the last listing.
    private HashSet<string> _lastSilos = new(StringComparer.Ordinal);

    /// <summary>How many of the fleet's torrents match, how many there are, and the first <see cref="TorrentQuery.Take"/> matches in order.</summary>
    public async Task<TorrentPage> QueryAsync(TorrentQuery query)
    {
        var active = await silos.GetActiveAsync();
        if (ForgetSilosOtherThan(active))
        {
            // A silo left or joined: whatever was counted before may no longer add up.
            catalogCount.Invalidate();
        }

        var answers = await Task.WhenAll(active.Select(silo => AskAsync(silo, query)));
        var pages = answers.Where(answer => answer.Page is not null).Select(answer => answer.Page!).ToList();
        var silent = answers.Where(answer => answer.Page is null).Select(answer => answer.Silo).ToList();
        if (silent.Count > 0 || await catalogCount.ExceedsAsync(pages.Sum(page => page.Total)))
        {
            // Asked again, each page with its silo's keys from one snapshot: keys read apart from the page would
            // miss a torrent taken up by a silo between the two reads (in no page, yet not "not running").
            var answering = answers.Where(answer => answer.Page is not null).Select(answer => answer.Silo).ToList();
            var rounds = Task.WhenAll(answering.Select(silo => FleetCalls.AnswerAsync(silo.ListTorrentsAsync(query with { WithKeys = true }), SiloAnswerTimeout)));
            var notRunning = await NotRunningAsync(rounds, silent, query);
            pages = [.. (await rounds).Select(round => round.Value), notRunning];
        }

        return TorrentSelection.Merge(pages, query);
    }

    private async Task<(ISiloGrain Silo, TorrentPage? Page)> AskAsync(ISiloGrain silo, TorrentQuery query)
    {
        var key = silo.GetPrimaryKeyString();
        try
        {
            var page = await silo.ListTorrentsAsync(query).WaitAsync(SiloAnswerTimeout);
            _lastAnswers[key] = (clock.GetUtcNow(), page.Silo);
            return (silo, page);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException
            or TorrentClusterException { Code: ClusterErrorCode.SiloNotFound })
        {
            // Gone, or going (a silo list from before its death names it still): the next listing asks Orleans for
            // the silos again.
            silos.Invalidate();
            LogSiloDidNotAnswer(key, exception.Message);
            return (silo, null);
        }
    }

    // True when the set of silos changed since the last listing.
    private bool ForgetSilosOtherThan(IReadOnlyList<ISiloGrain> active)
    {
        var keys = active.Select(silo => silo.GetPrimaryKeyString()).ToHashSet(StringComparer.Ordinal);
        var changed = !keys.SetEquals(_lastSilos);
        _lastSilos = keys;
        foreach (var gone in _lastAnswers.Keys.Where(key => !keys.Contains(key)))
        {
            _lastAnswers.TryRemove(gone, out _);
        }

        return changed;
    }

    // A silo that crashed answers nothing until the cluster declares it dead; do not wait Orleans' 30 s for it.
    // A catalog shard that lived there times out the same way.
    private TimeSpan SiloAnswerTimeout => options.Value.SiloAnswerTimeout;

    // The catalog's torrents that no answering silo runs, as an answer of their own to the query. Costs what the
    // whole fleet holds (every key of every silo, every catalog entry): only for the moments after a death.
    private async Task<TorrentPage> NotRunningAsync(Task<(bool Answered, TorrentPage Value)[]> running, List<ISiloGrain> silent, TorrentQuery query)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => FleetCalls.AnswerAsync(grains.GetGrain<ITorrentCatalogGrain>(shard).ListAsync(), SiloAnswerTimeout)));
        var keys = await running;
        var unanswered = shards.Count(shard => !shard.Answered);
        if (unanswered == shards.Length)
        {
            // Transient, as right after a silo's crash: a read is retried (a timeout alone is not).
            throw new SiloUnavailableException("no catalog shard answered");
        }

        var silentNames = silent.Select(NameOf).ToList();
        if (unanswered > 0 && silent.Count > 0)
        {
            throw new SiloUnavailableException(
                $"silo {string.Join(", ", silentNames)} does not answer, nor do {unanswered} catalog shards: its torrents cannot be listed now");
        }

        if (keys.Any(answer => !answer.Answered))
        {
            throw new SiloUnavailableException("a silo answered the listing but not again with which torrents it runs");
        }

        if (unanswered > 0)
        {
            LogCatalogShardsDidNotAnswer(unanswered);
        }

        var hosted = keys.SelectMany(answer => answer.Value.Keys ?? []).ToHashSet(StringComparer.Ordinal);
        var notRunning = shards.Where(shard => shard.Answered)
            .SelectMany(shard => shard.Value)
            .Where(entry => !hosted.Contains(entry.InfoHash))
            .Select(entry => NotRunning(entry, silentNames))
            .ToList();
        return TorrentSelection.First(notRunning, query);
    }

    private TorrentSummary NotRunning(CatalogEntry entry, IReadOnlyList<string> silentNames)
    {
        var key = entry.InfoHash;
        return new TorrentSummary
        {
            InfoHash = InfoHashText.IsV1(key) ? new InfoHashPair(key, null) : new InfoHashPair(null, key),
            Name = string.Empty,
            State = NotRunningState,
            SavePath = string.Empty,
            Silo = string.Empty,
            HomeSilo = entry.HomeSilo,
            Size = -1,
            Error = entry switch
            {
                { WaitingSince: { } since } => $"waiting for its home silo {entry.HomeSilo} since {since:u}",
                { HomeSilo: { } home } when silentNames.Contains(home) => LastAnswerOf(home) is { } at
                    ? $"its silo {home} has not answered since {at:u}"
                    : $"its silo {home} does not answer",
                _ => $"not running: its silo {entry.HomeSilo} is gone; it is being placed again",
            },
        };
    }

    private string NameOf(ISiloGrain silo) =>
        _lastAnswers.TryGetValue(silo.GetPrimaryKeyString(), out var last) && last.Name.Length > 0 ? last.Name : silo.GetPrimaryKeyString();

    private DateTimeOffset? LastAnswerOf(string name) =>
        _lastAnswers.Values.Where(last => last.Name == name).Select(last => (DateTimeOffset?)last.At).FirstOrDefault();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} catalog shards did not answer torrents.list; their silo is cut off or dying")]
    private partial void LogCatalogShardsDidNotAnswer(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not answer torrents.list: {Reason}")]
    private partial void LogSiloDidNotAnswer(string silo, string reason);
}
