using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.properties.set</c>: changes only the limits and flags that are given.</summary>
public sealed class TorrentsPropertiesSet(TorrentDirectory torrents) : TorrentMethod<TorrentsPropertiesSetParams>(torrents)
{
    public override string Name => "torrents.properties.set";

    protected override JsonTypeInfo<TorrentsPropertiesSetParams> ParamsType => TorrentsJsonContext.Default.TorrentsPropertiesSetParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, TorrentsPropertiesSetParams parameters, CancellationToken cancellationToken)
    {
        await torrent.SetPropertiesAsync(new TorrentPropertiesUpdate
        {
            DownloadLimit = parameters.DownloadLimit,
            UploadLimit = parameters.UploadLimit,
            MaxConnections = parameters.MaxConnections,
            MaxUploads = parameters.MaxUploads,
            Flags = parameters.Flags,
        });
        return JsonRpcResult.Null;
    }
}

public sealed record TorrentsPropertiesSetParams : ITorrentParams
{
    public required InfoHashPair InfoHash { get; init; }
    public int? DownloadLimit { get; init; }
    public Dictionary<string, bool>? Flags { get; init; }
    public int? MaxConnections { get; init; }
    public int? MaxUploads { get; init; }
    public int? UploadLimit { get; init; }
}
