using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.add</c>: a .torrent file (base64 <c>ti</c>) or a magnet link, placed on a silo by the cluster.</summary>
public sealed class TorrentsAdd(IGrainFactory grains) : JsonRpcMethod<TorrentsAddParams>
{
    public override string Name => "torrents.add";

    protected override JsonTypeInfo<TorrentsAddParams> ParamsType => GatewayJsonContext.Default.TorrentsAddParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(TorrentsAddParams parameters, CancellationToken cancellationToken)
    {
        var command = new AddTorrentCommand
        {
            TorrentFile = DecodeTorrentFile(parameters.Ti),
            MagnetUri = parameters.Ti is null ? parameters.MagnetUri : null,
            SavePath = parameters.SavePath,
            Paused = parameters.Paused ?? false,
            Name = parameters.Name,
            Trackers = parameters.Trackers ?? [],
            UploadLimit = parameters.UploadLimit ?? 0,
            DownloadLimit = parameters.DownloadLimit ?? 0,
            MaxConnections = parameters.MaxConnections ?? 0,
            MaxUploads = parameters.MaxUploads ?? 0,
        };

        if (command.TorrentFile is null && string.IsNullOrEmpty(command.MagnetUri))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidArgument, "Either 'ti' or 'magnet_uri' must be set");
        }

        var infoHash = await grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(command);
        return JsonRpcResult.Of(new TorrentsAddResult(infoHash), GatewayJsonContext.Default.TorrentsAddResult);
    }

    private static byte[]? DecodeTorrentFile(string? ti)
    {
        if (ti is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(ti);
        }
        catch (FormatException)
        {
            throw JsonRpcException.InvalidParams("'ti' must be a base64-encoded .torrent file");
        }
    }
}

/// <summary>Porla's <c>torrents.add</c> parameters.</summary>
public sealed record TorrentsAddParams
{
    public string? Ti { get; init; }
    public string? MagnetUri { get; init; }
    public string? SavePath { get; init; }
    public bool? Paused { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<string>? Trackers { get; init; }
    public int? UploadLimit { get; init; }
    public int? DownloadLimit { get; init; }
    public int? MaxConnections { get; init; }
    public int? MaxUploads { get; init; }
}

/// <summary>The info-hash pair of the added torrent.</summary>
public sealed record TorrentsAddResult(InfoHashPair InfoHash);
