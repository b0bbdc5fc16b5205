using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.move</c>: moves a torrent's data to another folder of the silo that hosts it, inside that silo's
/// storage roots (error -4 outside them; a relative path resolves under its first root).
/// </summary>
public sealed class TorrentsMove(TorrentDirectory torrents) : TorrentMethod<TorrentsMoveParams>(torrents)
{
    public override string Name => "torrents.move";

    protected override JsonTypeInfo<TorrentsMoveParams> ParamsType => TorrentsJsonContext.Default.TorrentsMoveParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, TorrentsMoveParams parameters, CancellationToken cancellationToken)
    {
        await torrent.MoveAsync(parameters.Path, parameters.Flags);
        return JsonRpcResult.Null;
    }
}

/// <summary>
/// Porla's parameters: <c>flags</c> is always_replace_files, fail_if_exist or dont_replace (the default, also for
/// any other name).
/// </summary>
public sealed record TorrentsMoveParams : ITorrentParams
{
    public required InfoHashPair InfoHash { get; init; }
    public required string Path { get; init; }
    [JsonConverter(typeof(PorlaMoveFlags))]
    public MoveConflict Flags { get; init; } = MoveConflict.DontReplace;
}
