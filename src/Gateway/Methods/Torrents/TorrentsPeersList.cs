using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.peers.list</c>: with <c>info_hash</c>, the connected peers of a torrent, field for field as Porla
/// answers. With <c>info_hashes</c> (ours), the peers of several torrents, asked of their grains in parallel
/// wherever they live, each tagged with its torrent and silo, and an error per torrent that could not answer.
/// Not a <see cref="TorrentMethod{TParams}"/>: its params may name many torrents, so <c>info_hash</c> is optional
/// here, while the base's params always name exactly one; both forms find each grain through the same
/// <see cref="TorrentDirectory"/>, and one method keeps Porla's single form and ours under one name, as today.
/// </summary>
public sealed class TorrentsPeersList(TorrentDirectory torrents) : JsonRpcMethod<TorrentsPeersListParams>
{
    public override string Name => "torrents.peers.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<TorrentsPeersListParams> ParamsType => TorrentsJsonContext.Default.TorrentsPeersListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsPeersListParams parameters, CancellationToken cancellationToken)
    {
        if ((parameters.InfoHash is null) == (parameters.InfoHashes is null))
        {
            throw JsonRpcException.InvalidParams("give either 'info_hash' or 'info_hashes'");
        }

        if (parameters.InfoHash is { } single)
        {
            var torrent = await torrents.FindAsync(single);
            var peers = (await torrent.GetPeersAsync()).Peers;
            return JsonRpcResult.Of(new TorrentsPeersListResult([.. peers.Select(PeerItem.From)]), TorrentsJsonContext.Default.TorrentsPeersListResult);
        }

        var answers = await Task.WhenAll(ParamLists.WithoutNulls(parameters.InfoHashes!, "info_hashes").Select(AskAsync));
        return JsonRpcResult.Of(
            new TorrentsPeersListManyResult(
                [.. answers.SelectMany(answer => answer.Peers)],
                [.. answers.Where(answer => answer.Error is not null).Select(answer => answer.Error!)]),
            TorrentsJsonContext.Default.TorrentsPeersListManyResult);
    }

    private async Task<(IReadOnlyList<TaggedPeerItem> Peers, PeersError? Error)> AskAsync(InfoHashPair infoHash)
    {
        try
        {
            var torrent = await torrents.FindAsync(infoHash);
            var answer = await torrent.GetPeersAsync();
            return ([.. answer.Peers.Select(peer => new TaggedPeerItem(peer, infoHash, answer.Silo))], null);
        }
        catch (TorrentClusterException exception)
        {
            var error = ClusterErrorMapping.ToJsonRpc(exception);
            return ([], new PeersError(infoHash, error.Code, error.Message));
        }
    }
}

/// <summary>Porla's <c>info_hash</c>, or our <c>info_hashes</c>.</summary>
public sealed record TorrentsPeersListParams
{
    public InfoHashPair? InfoHash { get; init; }
    public IReadOnlyList<InfoHashPair>? InfoHashes { get; init; }
}

/// <summary>The answer for <c>info_hash</c>: <c>{ "peers": [...] }</c>.</summary>
public sealed record TorrentsPeersListResult(IReadOnlyList<PeerItem> Peers);

/// <summary>The answer for <c>info_hashes</c>: tagged peers and one error per torrent that could not answer.</summary>
public sealed record TorrentsPeersListManyResult(IReadOnlyList<TaggedPeerItem> Peers, IReadOnlyList<PeersError> Errors);

/// <summary>Why one torrent of <c>info_hashes</c> has no peers listed.</summary>
public sealed record PeersError(InfoHashPair InfoHash, int Code, string Message);
