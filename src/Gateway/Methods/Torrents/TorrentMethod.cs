using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// A method on one torrent named by <c>info_hash</c> (Porla's pair or a bare hex hash): finds the torrent's grain,
/// then asks the method what to do with it.
/// </summary>
public abstract class TorrentMethod(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    protected sealed override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected sealed override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken) =>
        await InvokeAsync(await torrents.FindAsync(parameters.InfoHash), cancellationToken);

    /// <summary>Answers the call for the torrent's grain.</summary>
    protected abstract Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken);
}
