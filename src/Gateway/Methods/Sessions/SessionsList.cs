using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary><c>sessions.list</c>: every silo's engine with its stats, in name order.</summary>
public sealed class SessionsList(SiloDirectory silos) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "sessions.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => SessionsJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var summaries = await silos.GetSummariesAsync();
        return JsonRpcResult.Of(
            new SessionsListResult([.. summaries.Select(entry => SessionItem.From(entry.Summary))]),
            SessionsJsonContext.Default.SessionsListResult);
    }
}

public sealed record SessionsListResult(IReadOnlyList<SessionItem> Sessions);
