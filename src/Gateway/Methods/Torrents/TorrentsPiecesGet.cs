using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.pieces.get</c> (ours): which pieces the torrent has, as a base64 BitTorrent bitfield (first piece in
/// the high bit of the first byte), with the piece count and how many are had.
/// </summary>
public sealed class TorrentsPiecesGet(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.pieces.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var pieces = await torrent.GetPiecesAsync();
        return JsonRpcResult.Of(
            new TorrentsPiecesGetResult(pieces.NumPieces, pieces.Have, Convert.ToBase64String(pieces.Bitfield)),
            TorrentsJsonContext.Default.TorrentsPiecesGetResult);
    }
}

public sealed record TorrentsPiecesGetResult(int NumPieces, int Have, string Pieces);
