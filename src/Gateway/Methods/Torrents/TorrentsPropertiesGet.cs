using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.properties.get</c>: limits and libtorrent flags, Porla's shape.</summary>
public sealed class TorrentsPropertiesGet(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.properties.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var properties = await torrent.GetPropertiesAsync();
        return JsonRpcResult.Of(
            new TorrentsPropertiesGetResult(
                properties.DownloadLimit,
                new SortedDictionary<string, bool>((IDictionary<string, bool>)properties.Flags, StringComparer.Ordinal),
                properties.MaxConnections,
                properties.MaxUploads,
                properties.UploadLimit),
            TorrentsJsonContext.Default.TorrentsPropertiesGetResult);
    }
}

public sealed record TorrentsPropertiesGetResult(
    int DownloadLimit,
    IReadOnlyDictionary<string, bool> Flags,
    int MaxConnections,
    int MaxUploads,
    int UploadLimit);
