using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary><c>sessions.resume</c>: one silo's engine by name, or every silo's.</summary>
public sealed class SessionsResume(SiloDirectory silos) : JsonRpcMethod<SessionNameParams>
{
    public override string Name => "sessions.resume";

    protected override JsonTypeInfo<SessionNameParams> ParamsType => SessionsJsonContext.Default.SessionNameParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionNameParams parameters, CancellationToken cancellationToken)
    {
        await SessionTargets.ForEachAsync(silos, parameters.Name, silo => silo.ResumeAsync());
        return JsonRpcResult.Null;
    }
}
