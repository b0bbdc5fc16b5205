using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.files.list</c>: the torrent's files in Porla's shape, with our progress and priority added.</summary>
public sealed class TorrentsFilesList(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.files.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var files = await torrent.GetFilesAsync();
        return JsonRpcResult.Of(new TorrentsFilesListResult([.. files.Select(FileItem.From)]), TorrentsJsonContext.Default.TorrentsFilesListResult);
    }
}

public sealed record TorrentsFilesListResult(IReadOnlyList<FileItem> Files);

/// <summary>One file: Porla's fields (absolute_path to size), then ours (index, priority, progress).</summary>
public sealed record FileItem(
    bool AbsolutePath,
    int FirstBlockNode,
    int FirstPieceNode,
    int Flags,
    string Name,
    int NumBlocks,
    int NumPieces,
    long Offset,
    string Path,
    long Size,
    int Index,
    int Priority,
    long Progress)
{
    public static FileItem From(TorrentFileInfo file) => new(
        file.AbsolutePath,
        file.FirstBlockNode,
        file.FirstPieceNode,
        file.Flags,
        System.IO.Path.GetFileName(file.Path),
        file.NumBlocks,
        file.NumPieces,
        file.Offset,
        file.Path,
        file.Size,
        file.Index,
        file.Priority,
        file.Downloaded);
}
