using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.move</c>: moves a torrent's data to another folder of the silo that hosts it, inside that silo's
/// storage roots (error -4 outside them; a relative path resolves under its first root).
/// </summary>
public sealed class TorrentsMove(TorrentDirectory torrents) : JsonRpcMethod<TorrentsMoveParams>
{
    public override string Name => "torrents.move";

    protected override JsonTypeInfo<TorrentsMoveParams> ParamsType => GatewayJsonContext.Default.TorrentsMoveParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(TorrentsMoveParams parameters, CancellationToken cancellationToken)
    {
        var conflict = PorlaMoveFlags.Parse(parameters.Flags);
        await (await torrents.FindAsync(parameters.InfoHash)).MoveAsync(parameters.Path, conflict);
        return JsonRpcResult.Null;
    }
}

/// <summary>Porla's parameters: <c>flags</c> is always_replace_files, fail_if_exist or dont_replace (the default).</summary>
public sealed record TorrentsMoveParams
{
    public required InfoHashPair InfoHash { get; init; }
    public required string Path { get; init; }
    public string? Flags { get; init; }
}
