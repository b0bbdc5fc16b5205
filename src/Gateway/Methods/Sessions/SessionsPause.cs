using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary><c>sessions.pause</c>: one silo's engine by name, or every silo's.</summary>
public class SessionsPause(SiloDirectory silos) : JsonRpcMethod<SessionNameParams>
{
    public override string Name => "sessions.pause";

    protected override JsonTypeInfo<SessionNameParams> ParamsType => GatewayJsonContext.Default.SessionNameParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(SessionNameParams parameters, CancellationToken cancellationToken)
    {
        var targets = await silos.SelectAsync(parameters.Name);
        await Task.WhenAll(targets.Select(entry => Apply(entry.Silo)));
        return JsonRpcResult.Null;
    }

    /// <summary>What the method does to each chosen silo.</summary>
    protected virtual Task Apply(ISiloGrain silo) => silo.PauseAsync();
}

/// <summary><c>sessions.resume</c>: one silo's engine by name, or every silo's.</summary>
public sealed class SessionsResume(SiloDirectory silos) : SessionsPause(silos)
{
    public override string Name => "sessions.resume";

    protected override Task Apply(ISiloGrain silo) => silo.ResumeAsync();
}
