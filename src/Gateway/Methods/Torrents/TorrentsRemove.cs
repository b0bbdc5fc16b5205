using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.remove</c>: removes torrents, with their data when asked. Unlike Porla, which skips unknown
/// hashes silently, an unknown hash fails the whole call before anything is removed. It names several torrents, so
/// it is not a <see cref="TorrentMethod{TParams}"/>.
/// </summary>
public sealed class TorrentsRemove(TorrentDirectory torrents) : JsonRpcMethod<TorrentsRemoveParams>
{
    public override string Name => "torrents.remove";

    protected override JsonTypeInfo<TorrentsRemoveParams> ParamsType => TorrentsJsonContext.Default.TorrentsRemoveParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsRemoveParams parameters, CancellationToken cancellationToken)
    {
        var grains = await Task.WhenAll(ParamLists.WithoutNulls(parameters.InfoHashes, "info_hashes").Select(async hash => (Hash: hash, Grain: await torrents.FindAsync(hash))));
        var exists = await Task.WhenAll(grains.Select(entry => entry.Grain.ExistsAsync()));
        var unknown = grains.Where((_, index) => !exists[index]).Select(entry => entry.Hash.ToString()).ToList();
        if (unknown.Count > 0)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.TorrentNotFound, "Torrent not found", $"no torrent {string.Join(", ", unknown)}; nothing was removed");
        }

        await Task.WhenAll(grains.Select(entry => entry.Grain.RemoveAsync(parameters.RemoveData)));
        return JsonRpcResult.Null;
    }
}

/// <summary>Porla's <c>torrents.remove</c> parameters.</summary>
public sealed record TorrentsRemoveParams
{
    public required IReadOnlyList<InfoHashPair> InfoHashes { get; init; }
    public bool RemoveData { get; init; }
}
