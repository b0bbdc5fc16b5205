using TorrentCluster.Abstractions.Errors;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.remove</c>: removes torrents, with their data when asked. As in Porla (torrentsremove.cpp), a hash
/// that names no torrent is passed over: a client removing a selection that another client already thinned out
/// still removes the rest. It names several torrents, so it is not a <see cref="TorrentMethod{TParams}"/>.
/// </summary>
public sealed class TorrentsRemove(TorrentDirectory torrents) : JsonRpcMethod<TorrentsRemoveParams>
{
    public override string Name => "torrents.remove";

    protected override JsonTypeInfo<TorrentsRemoveParams> ParamsType => TorrentsJsonContext.Default.TorrentsRemoveParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsRemoveParams parameters, CancellationToken cancellationToken)
    {
        var grains = await Task.WhenAll(ParamLists.WithoutNulls(parameters.InfoHashes, "info_hashes").Select(hash => torrents.FindAsync(hash).AsTask()));
        await Task.WhenAll(grains.Select(torrent => RemoveIfKnownAsync(torrent, parameters.RemoveData)));
        return JsonRpcResult.Null;
    }

    private static async Task RemoveIfKnownAsync(ITorrentGrain torrent, bool removeData)
    {
        if (!await torrent.ExistsAsync())
        {
            return;
        }

        try
        {
            await torrent.RemoveAsync(removeData);
        }
        catch (TorrentClusterException error) when (error.Code == ClusterErrorCode.TorrentNotFound)
        {
            // Removed by another call since it was found: what this call asked for has happened.
        }
    }
}

/// <summary>Porla's <c>torrents.remove</c> parameters.</summary>
public sealed record TorrentsRemoveParams
{
    public required IReadOnlyList<InfoHashPair> InfoHashes { get; init; }
    public bool RemoveData { get; init; }
}
