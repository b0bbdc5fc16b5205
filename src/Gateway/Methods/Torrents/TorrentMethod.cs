using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// The base of every method on one torrent: finds the grain of the torrent its params name, then hands the grain
/// and the params to the method's <c>AnswerAsync</c> overload. A method that names several torrents
/// (<c>torrents.remove</c>, <c>torrents.peers.list</c> with <c>info_hashes</c>) is not one of these.
/// </summary>
public abstract class TorrentMethod<TParams>(TorrentDirectory torrents) : JsonRpcMethod<TParams>
    where TParams : class, ITorrentParams
{
    protected sealed override async ValueTask<JsonRpcResult> AnswerAsync(TParams parameters, CancellationToken cancellationToken) =>
        await AnswerAsync(await torrents.FindAsync(parameters.InfoHash), parameters, cancellationToken);

    /// <summary>Answers the call for the torrent's grain.</summary>
    protected abstract Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, TParams parameters, CancellationToken cancellationToken);
}
