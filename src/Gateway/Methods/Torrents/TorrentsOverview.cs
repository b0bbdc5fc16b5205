using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.overview</c>: per session (silo), torrents counted by category, state, tag and tracker.</summary>
public sealed class TorrentsOverview(SiloDirectory silos) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "torrents.overview";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => TorrentsJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var summaries = await silos.GetSummariesAsync();
        var overviews = await Task.WhenAll(summaries.Select(async entry => (entry.Summary.Name, Overview: await entry.Silo.GetOverviewAsync())));
        var sessions = new SortedDictionary<string, TorrentsOverviewSession>(StringComparer.Ordinal);
        foreach (var (name, overview) in overviews)
        {
            sessions[name] = new TorrentsOverviewSession(
                overview.TorrentsPerCategory, overview.TorrentsPerState, overview.TorrentsPerTag, overview.TorrentsPerTracker, overview.TorrentsTotal);
        }

        return JsonRpcResult.Of(new TorrentsOverviewResult(sessions), TorrentsJsonContext.Default.TorrentsOverviewResult);
    }
}

public sealed record TorrentsOverviewResult(IReadOnlyDictionary<string, TorrentsOverviewSession> Sessions);

public sealed record TorrentsOverviewSession(
    IReadOnlyDictionary<string, long> TorrentsPerCategory,
    IReadOnlyDictionary<string, long> TorrentsPerState,
    IReadOnlyDictionary<string, long> TorrentsPerTag,
    IReadOnlyDictionary<string, long> TorrentsPerTracker,
    long TorrentsTotal);
