using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary><c>sessions.get</c> (ours): one silo's engine by name.</summary>
public sealed class SessionsGet(SiloDirectory silos) : JsonRpcMethod<SessionsGetParams>
{
    public override string Name => "sessions.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<SessionsGetParams> ParamsType => SessionsJsonContext.Default.SessionsGetParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionsGetParams parameters, CancellationToken cancellationToken)
    {
        var (_, summary) = (await SessionTargets.SelectAsync(silos, parameters.Name))[0];
        return JsonRpcResult.Of(SessionItem.From(summary), SessionsJsonContext.Default.SessionItem);
    }
}

public sealed record SessionsGetParams
{
    public required string Name { get; init; }
}
